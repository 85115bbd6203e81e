package org.xenproject.supportstatus.system;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Registers the caching rule for the API and the web pages early, right after request metrics and
 * ahead of the security filters, and CORS ahead of it, since a prepared answer is given without
 * reaching Spring MVC. Web-layer test slices, which have no database, leave both out.
 */
@Configuration(proxyBeanMethods = false)
class CachingConfiguration {

    @Bean
    FilterRegistrationBean<ConditionalRequests> conditionalRequests(JdbcClient jdbc, DataVersions dataVersions,
            Clock clock, ObjectProvider<BuildProperties> build) {
        // Answers differ between builds even for the same data: a new deployment must not be given a 304.
        BuildProperties info = build.getIfAvailable();
        String buildTag = info == null ? "dev"
                : Integer.toHexString((info.getVersion() + "@" + info.getTime()).hashCode());
        FilterRegistrationBean<ConditionalRequests> registration =
                new FilterRegistrationBean<>(new ConditionalRequests(jdbc, dataVersions, clock, buildTag));
        registration.addUrlPatterns("/api/*", "/", "/releases/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** The data is public: dashboards on other origins may read it. Nothing but GET is open to them. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.addAllowedOrigin("*");
        cors.setAllowedMethods(List.of("GET", "HEAD"));
        cors.setExposedHeaders(List.of("ETag", "Last-Modified", "Cache-Control"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
