package org.xenproject.supportstatus.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders a page to text, so that it can be prepared once per snapshot like any other answer. The
 * pages hold nothing of the request but its context path, so one rendering serves every client.
 */
@Component
class PageRenderer {

    private final ITemplateEngine templates;

    PageRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    String render(
            String template, Map<String, Object> model, HttpServletRequest request, HttpServletResponse response) {
        JakartaServletWebApplication application =
                JakartaServletWebApplication.buildApplication(request.getServletContext());
        WebContext context = new WebContext(application.buildExchange(request, response), Locale.ENGLISH, model);
        return templates.process(template, context);
    }
}
