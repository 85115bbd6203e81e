package org.xenproject.supportstatus.web.server;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The per-request tuning's Spring Boot properties ({@link RequestTuning}): defaults that any setting
 * of the same property outranks, left out when {@code XEN_SUPPORT_REQUEST_TUNING=false}.
 */
class RequestTuningDefaults implements EnvironmentPostProcessor, Ordered {

    static final Map<String, Object> PROPERTIES = Map.of(
            // Nothing listens for an application event per request.
            "spring.mvc.publish-request-handled-events", "false",
            // No endpoint takes a form body by PUT, PATCH or DELETE, which this filter reads for each request.
            "spring.mvc.formcontent.filter.enabled", "false",
            // The pages link their style sheet and script by plain paths, so nothing needs rewriting;
            // left on (the webjars on the classpath turn it on), a filter wrapped every request for it.
            "spring.web.resources.chain.enabled", "false",
            // http.server.requests (per route) stays; the per-request "active" long-task timer, which
            // nobody reads, is left out.
            "management.metrics.observations.ignored-meters", "long-task-timer");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(RequestTuning.SWITCH, Boolean.class, true)) {
            environment.getPropertySources().addLast(new MapPropertySource("request-tuning", PROPERTIES));
        }
    }

    /** After application.yaml and the environment are read, so the switch is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
