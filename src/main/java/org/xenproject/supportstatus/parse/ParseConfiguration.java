package org.xenproject.supportstatus.parse;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parse endpoint's limits, sized for the processors the service has. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParseSettings.class) // also in web-layer slices, which do not scan for settings
class ParseConfiguration {

    @Bean
    ParseGate parseGate(ParseSettings settings, MeterRegistry meters) {
        return new ParseGate(settings, Runtime.getRuntime().availableProcessors(), meters);
    }
}
