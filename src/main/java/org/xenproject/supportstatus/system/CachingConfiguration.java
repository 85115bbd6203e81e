package org.xenproject.supportstatus.system;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the caching rule for the API and the web pages; web-layer test slices, which have no
 * database, leave it out.
 */
@Configuration(proxyBeanMethods = false)
class CachingConfiguration {

    @Bean
    FilterRegistrationBean<ConditionalRequests> conditionalRequests(JdbcClient jdbc, Clock clock) {
        FilterRegistrationBean<ConditionalRequests> registration =
                new FilterRegistrationBean<>(new ConditionalRequests(jdbc, clock));
        registration.addUrlPatterns("/api/*", "/", "/releases/*");
        return registration;
    }
}
