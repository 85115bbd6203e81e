package org.xenproject.supportstatus.web.server;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** The filters in front of every request: the headers of every answer, and CORS for the API, set ahead of everything else. */
@Configuration(proxyBeanMethods = false)
class HeadersConfiguration {

    @Bean
    FilterRegistrationBean<ResponseHeaders> responseHeaders() {
        FilterRegistrationBean<ResponseHeaders> registration = new FilterRegistrationBean<>(new ResponseHeaders());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
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
