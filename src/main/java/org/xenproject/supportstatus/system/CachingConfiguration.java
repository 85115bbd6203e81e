package org.xenproject.supportstatus.system;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Registers the caching rule for the API; web-layer test slices, which have no database, leave it
 * out, and so does a context without a web server (importer tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CachingConfiguration {

    @Bean
    FilterRegistrationBean<ConditionalRequests> conditionalRequests(JdbcClient jdbc, Clock clock,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        FilterRegistrationBean<ConditionalRequests> registration =
                new FilterRegistrationBean<>(new ConditionalRequests(jdbc, clock, problems));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
