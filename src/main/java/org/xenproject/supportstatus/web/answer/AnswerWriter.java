package org.xenproject.supportstatus.web.answer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Writes the {@link Answer} a handler returned, by the one caching rule (docs/architecture.md, "The
 * caching rule"): the answer is prepared first, so a failure is answered as a problem with none of
 * an answer's headers; then {@code Cache-Control}, {@code Vary} and the ETag; Spring answers a
 * matching {@code If-None-Match} with 304; else the bytes go in one write, gzipped for a client
 * whose {@code Accept-Encoding} takes gzip.
 */
class AnswerWriter implements HandlerMethodReturnValueHandler {

    /** Data changes at most once an import: caches may keep it a minute. */
    static final String DATA = "public, max-age=60";
    /** Import runs change while an import goes on: clients revalidate every time, cheaply (304). */
    static final String FRESH = "no-cache";

    private static final String ACCEPT_AND_ENCODING = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING;

    private final Answers answers;

    AnswerWriter(Answers answers) {
        this.answers = answers;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return Answer.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(
            Object returnValue, MethodParameter returnType, ModelAndViewContainer container, NativeWebRequest request)
            throws IOException {
        container.setRequestHandled(true);
        if (returnValue == null) {
            return;
        }
        Answer<?> answer = (Answer<?>) returnValue;
        Prepared prepared = answer.prepare(answers);
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = request.getNativeResponse(HttpServletResponse.class);
        boolean notModified = switch (answer.kind()) {
            case KEPT -> {
                response.setHeader(HttpHeaders.CACHE_CONTROL, DATA);
                response.addHeader(HttpHeaders.VARY, vary(prepared));
                yield new ServletWebRequest(servletRequest, response)
                        .checkNotModified(
                                prepared.etag(), answer.snapshot().changedAt().toEpochMilli());
            }
            case FRESH -> {
                response.setHeader(HttpHeaders.CACHE_CONTROL, FRESH);
                response.addHeader(HttpHeaders.VARY, vary(prepared));
                yield new ServletWebRequest(servletRequest, response).checkNotModified(prepared.etag());
            }
            case ONCE -> {
                if (prepared.gzipped() != null) {
                    response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
                }
                yield false;
            }
        };
        if (!notModified) {
            write(servletRequest, response, prepared);
        }
    }

    private static String vary(Prepared prepared) {
        return prepared.gzipped() != null ? ACCEPT_AND_ENCODING : HttpHeaders.ACCEPT;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Prepared prepared)
            throws IOException {
        byte[] body = prepared.plain();
        if (prepared.gzipped() != null && ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = prepared.gzipped();
        }
        response.setContentType(prepared.type().toString());
        response.setContentLength(body.length);
        // One write: Tomcat sends status line, headers and body together when they fit its socket
        // buffer (docs/architecture.md, "Per-request tuning").
        response.getOutputStream().write(body);
    }
}
