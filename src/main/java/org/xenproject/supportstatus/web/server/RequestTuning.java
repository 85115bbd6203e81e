package org.xenproject.supportstatus.web.server;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The per-request tuning, in one place: what every request paid for in Spring MVC, Spring Security
 * and Tomcat that no answer needs (docs/architecture.md, "Per-request tuning"). None of it changes
 * an answer. After an upgrade of Spring Boot, review it here and in {@link RequestTuningDefaults}
 * (its properties); {@code XEN_SUPPORT_REQUEST_TUNING=false} switches all of it off, leaving
 * Spring Boot's own defaults.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = RequestTuning.SWITCH, matchIfMissing = true)
class RequestTuning {

    /** The one switch for all of it. */
    static final String SWITCH = "xen.support.request-tuning";

    /**
     * A prepared answer is written in one go, but Tomcat passes it to the socket through a
     * per-connection buffer of 8 KiB by default, from the heap: one system call per 8 KiB, after a
     * copy into a temporary direct buffer. With a direct buffer of 64 KiB the status line, headers and
     * body of all but the largest answers leave in a single write (bench/README.md, "HTTP": a
     * release's feature list went from 0.34 to over 0.5 of nginx's rate). The cost is memory
     * outside the heap, 64 + 8 KiB per open connection, which the connection limit in
     * application.yaml bounds.
     */
    static final int WRITE_BUFFER_BYTES = 64 * 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            connector.setProperty("socket.directBuffer", "true");
        });
    }

    /**
     * With no trusted proxy (XEN_SUPPORT_TRUSTED_PROXIES unset, the default), Tomcat's RemoteIpValve
     * can take nothing from X-Forwarded-For, -Proto or -Host, yet it would still read them and set
     * its request attributes on every request: it is left out. Runs after Spring Boot's own
     * customizer, which adds the valve.
     */
    @Bean
    NoForwardedHeadersWithoutProxy noForwardedHeadersWithoutProxy(
            @Value("${server.tomcat.remoteip.internal-proxies:}") String trustedProxies) {
        return new NoForwardedHeadersWithoutProxy(trustedProxies);
    }

    static final class NoForwardedHeadersWithoutProxy
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final String trustedProxies;

        NoForwardedHeadersWithoutProxy(String trustedProxies) {
            this.trustedProxies = trustedProxies;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            if (trustedProxies.isBlank()) {
                factory.setEngineValves(factory.getEngineValves().stream()
                        .filter(valve -> !(valve instanceof RemoteIpValve))
                        .toList());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Spring Boot's request-context filter, registered but off: Spring MVC's DispatcherServlet
     * exposes the request to the code it calls itself, and nothing before it looks for the request
     * there. Left on, it did the same for every request a second time, one filter earlier.
     */
    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilter() {
        FilterRegistrationBean<RequestContextFilter> registration =
                new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * No observations of Spring Security's own: nobody reads them, and with them every request, the
     * public reads too, passed through an observation of "unsecured" requests.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's strict firewall, its rule for names and values checked by a loop ({@link Firewall}). */
    @Bean
    HttpFirewall firewall() {
        return Firewall.strict();
    }

    /**
     * Routes are matched path first, and before Actuator's ({@link PathFirst}).
     */
    @Bean
    WebMvcRegistrations pathFirstMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirst();
            }
        };
    }

    /**
     * Spring MVC finds the route of a path with a variable ({@code /api/v1/releases/{version}/features})
     * by testing every mapping, and tests a mapping's method and {@code produces} conditions before
     * its path: for a release's features, about an eighth of the answer's processor time went to
     * mappings whose path could never match (bench/README.md, "HTTP"). Here the path is tested
     * first, so a mapping for another path costs one pattern match. Which mapping answers, and the
     * 404, 405 and 406 answers, are Spring's as before: a mapping whose path does not match was never
     * chosen, and the reasons for no match are worked out apart from this.
     *
     * <p>These routes are also asked first, before Actuator's: Spring asks each handler mapping in
     * turn, and Actuator's came first, so every public request was first tried against every Actuator
     * endpoint, with all its conditions. No route here matches an Actuator path ({@code
     * /actuator/...}), so those still reach Actuator, one lookup later.
     */
    static final class PathFirst extends RequestMappingHandlerMapping {

        /** Spring MVC gives this mapping order 0, after Actuator's (-100): this one is asked first. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}
