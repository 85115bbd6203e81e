package org.xenproject.supportstatus.web.feature;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xenproject.supportstatus.web.param.Parameters;

/**
 * The matrix's {@code format=csv} or {@code format=json}: what the client asks for, in place of its
 * {@code Accept} header, on the matrix alone (every other endpoint ignores a {@code format} it does
 * not know, as it ignores any parameter it does not know). Spring's negotiation then picks the
 * handler as on every route, q-values and 406 included. Another value is a 400 naming
 * {@code format}, by the handlers' own conversion of it.
 */
enum MatrixFormat {
    CSV("csv", MediaType.parseMediaType("text/csv")),
    JSON("json", MediaType.APPLICATION_JSON);

    private final String id;
    private final MediaType type;

    MatrixFormat(String id, MediaType type) {
        this.id = id;
        this.type = type;
    }

    String id() {
        return id;
    }

    /** Asks for the format named on the matrix's path; elsewhere, or with none named, leaves it to Accept. */
    static final class Negotiation implements ContentNegotiationStrategy {
        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
            if (servlet != null
                    && MatrixController.PATH.equals(servlet.getRequestURI()
                            .substring(servlet.getContextPath().length()))) {
                String format = request.getParameter("format");
                for (MatrixFormat known : values()) {
                    if (known.id.equals(format)) {
                        return List.of(known.type);
                    }
                }
            }
            return MEDIA_TYPE_ALL_LIST;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        @Override
        public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
            configurer.strategies(List.of(new Negotiation(), new HeaderContentNegotiationStrategy()));
        }

        @Override
        public void addFormatters(FormatterRegistry registry) {
            registry.addConverter(
                    String.class,
                    MatrixFormat.class,
                    text -> text.isBlank()
                            ? null
                            : Parameters.byId(values(), MatrixFormat::id).convert(text));
        }
    }
}
