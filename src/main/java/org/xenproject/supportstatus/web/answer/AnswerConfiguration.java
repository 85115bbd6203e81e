package org.xenproject.supportstatus.web.answer;

import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * {@link Answer} is a return value Spring MVC writes through {@link AnswerWriter}, and the API's
 * description shows what it holds, as for any other body.
 */
@Configuration(proxyBeanMethods = false)
public class AnswerConfiguration {

    static {
        // As for ResponseEntity<T>: the description names T.
        SpringDocUtils.getConfig().addResponseWrapperToIgnore(Answer.class);
    }

    /**
     * The writer comes first: Spring's own handlers would otherwise take an {@link Answer} from a
     * {@code @RestController} as a body for its message converters, and those added the usual way
     * are asked only after them.
     */
    @Bean
    static BeanPostProcessor answersWrittenFirst(ObjectProvider<Answers> answers) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
                    handlers.add(new AnswerWriter(answers.getObject()));
                    handlers.addAll(adapter.getReturnValueHandlers());
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }
}
