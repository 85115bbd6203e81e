package org.xenproject.supportstatus.web.lifecycle;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xenproject.supportstatus.web.param.Parameters;

/** {@code type=} of lifecycle events, read by its id as every other vocabulary is. */
@Configuration(proxyBeanMethods = false)
class EventParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(
                String.class,
                LifecycleEvent.Type.class,
                Parameters.byId(LifecycleEvent.Type.values(), LifecycleEvent.Type::id));
    }
}
