package org.xenproject.supportstatus.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The data is public: dashboards on other origins may read it. Nothing but GET is open to them. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**")
                .allowedOrigins("*")
                .allowedMethods("GET", "HEAD")
                .exposedHeaders("ETag", "Last-Modified", "Cache-Control")
                .maxAge(3600);
    }
}
