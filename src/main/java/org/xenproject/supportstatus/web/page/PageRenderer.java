package org.xenproject.supportstatus.web.page;

import jakarta.servlet.ServletContext;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Renders a page to text apart from any request, so that it can be prepared once per snapshot like
 * any other answer and serve every client. The pages hold nothing of a request: their links within
 * the site are built from the context path the service runs under ({@link Links}).
 */
@Component
class PageRenderer {

    private final ITemplateEngine templates;

    PageRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    String render(String template, Map<String, Object> model) {
        return templates.process(template, new Context(Locale.ENGLISH, model));
    }

    /**
     * Links such as {@code @{/releases/4.19}} for a page rendered without a request, from the
     * servlet context's path; a page rendered for a request (the error page) builds them as before.
     */
    static final class Links extends StandardLinkBuilder {

        private final ObjectProvider<ServletContext> servletContext;

        Links(ObjectProvider<ServletContext> servletContext) {
            this.servletContext = servletContext;
        }

        @Override
        protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
            if (context instanceof IWebContext) {
                return super.computeContextPath(context, base, parameters);
            }
            ServletContext servlet = servletContext.getIfAvailable();
            return servlet == null ? "" : servlet.getContextPath();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LinkConfiguration {

        @Bean
        static BeanPostProcessor pageLinks(ObjectProvider<ServletContext> servletContext) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof TemplateEngine engine && !engine.isInitialized()) {
                        engine.setLinkBuilder(new Links(servletContext));
                    }
                    return bean;
                }
            };
        }
    }
}
