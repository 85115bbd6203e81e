package org.xenproject.supportstatus.web.problem;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xenproject.supportstatus.web.param.Parameters;

/**
 * A query string Tomcat cannot read: a {@code %} that starts no escape, escaped bytes that are not
 * UTF-8, a value with no name, more parameters than a request may have. Tomcat reads the query only
 * when a parameter is first asked for, and throws its {@code InvalidParameterException} there; a
 * route that asks for none would never see the fault. So the parameters are asked for before every
 * route, and the fault is the same 400 everywhere ({@link ApiProblems}), naming the parameter at
 * fault when its name reads (docs/architecture.md, "Bad bytes").
 */
@Configuration(proxyBeanMethods = false)
class UnreadableQuery implements WebMvcConfigurer {

    /**
     * What is wrong, by the rules Tomcat reads a query with: {@code &}-separated pairs, the name up to
     * the first {@code =}, {@code +} a space, then UTF-8.
     *
     * @param parameter the name of the parameter at fault, shown as {@link Parameters#printable}
     *     shows it; null when no name reads
     */
    record Fault(String parameter, String detail) {}

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReadFirst());
    }

    /**
     * Asks for the parameters' names, which makes Tomcat read the whole query string. Not for their
     * map: the firewall judges names as they are listed, and a parameter the endpoint does not know
     * stays ignored, whatever its name. Only on the request's own dispatch: the error page has
     * nothing to add.
     */
    static final class ReadFirst implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getDispatcherType() == DispatcherType.REQUEST && request.getQueryString() != null) {
                request.getParameterNames();
            }
            return true;
        }
    }

    /**
     * The first pair of {@code query} that does not read. With none, what Tomcat refused is the
     * number of parameters: the service takes no form in a body, the other place they come from.
     */
    static Fault of(String query) {
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String nameFault = fault(name);
            if (nameFault != null) {
                return new Fault(null, "a parameter's name, '" + Parameters.printable(name) + "', " + nameFault);
            }
            if (name.isEmpty()) {
                return new Fault(null, "'" + Parameters.printable(pair) + "' gives a value but no name");
            }
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            String valueFault = fault(value);
            if (valueFault != null) {
                return new Fault(
                        Parameters.printable(decode(name)), "'" + Parameters.printable(value) + "' " + valueFault);
            }
        }
        return new Fault(null, "it holds more parameters than a request may have");
    }

    /** Why {@code raw} does not read, or null when it does. */
    private static String fault(String raw) {
        try {
            decode(raw);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String decode(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= bytes.length
                        || !HexFormat.isHexDigit(bytes[i + 1])
                        || !HexFormat.isHexDigit(bytes[i + 2])) {
                    throw new IllegalArgumentException("has a '%' not followed by two hexadecimal digits");
                }
                decoded.write(HexFormat.fromHexDigit(bytes[i + 1]) << 4 | HexFormat.fromHexDigit(bytes[i + 2]));
                i += 2;
            } else {
                decoded.write(b == '+' ? ' ' : b);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(decoded.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 once its %-escapes are decoded", e);
        }
    }
}
