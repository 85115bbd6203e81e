package org.xenproject.supportstatus.web.parse;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xenproject.supportstatus.web.problem.ProblemWriter;

/** The parse endpoint's limits: the places for parses, sized for the processors, and each client's allowance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParseSettings.class) // also in web-layer slices, which do not scan for settings
class ParseConfiguration {

    @Bean
    ParseGate parseGate(ParseSettings settings, MeterRegistry meters) {
        return new ParseGate(settings, Runtime.getRuntime().availableProcessors(), meters);
    }

    /** After the filters that set every answer's headers, so a refusal carries them too. */
    @Bean
    FilterRegistrationBean<ParseAllowanceFilter> parseAllowanceFilter(ParseGate gate, ProblemWriter problems) {
        FilterRegistrationBean<ParseAllowanceFilter> registration =
                new FilterRegistrationBean<>(new ParseAllowanceFilter(gate, problems));
        registration.addUrlPatterns("/api/v1/parse");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
