package org.xenproject.supportstatus.web.server;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * With no trusted proxy (XEN_SUPPORT_TRUSTED_PROXIES unset, the default), Tomcat's RemoteIpValve
 * can take nothing from X-Forwarded-For, -Proto or -Host, yet it would still read them and set its
 * request attributes on every request: it is left out. Runs after Spring Boot's own customizer,
 * which adds the valve.
 */
@Component
class TomcatProxyConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final String trustedProxies;

    TomcatProxyConfiguration(@Value("${server.tomcat.remoteip.internal-proxies:}") String trustedProxies) {
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
