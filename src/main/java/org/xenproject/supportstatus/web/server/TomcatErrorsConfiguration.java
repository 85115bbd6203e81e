package org.xenproject.supportstatus.web.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.xenproject.supportstatus.web.problem.ProblemWriter;

/**
 * Some requests never reach the application: Tomcat refuses them itself (a broken {@code %} escape,
 * an encoded slash, headers over the size limit). Spring Boot already keeps Tomcat's version and
 * stack traces out of those answers; this makes them RFC 9457 problems like every other error of the
 * API, with the same security headers, instead of an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorsConfiguration {

    @Bean
    ProblemErrorReports problemErrorReports(ObjectProvider<ProblemWriter> problems) {
        return new ProblemErrorReports(problems);
    }

    /** Runs after Spring Boot's own customizer, so that its ErrorReportValve is there to replace. */
    static final class ProblemErrorReports
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final ObjectProvider<ProblemWriter> problems;

        ProblemErrorReports(ObjectProvider<ProblemWriter> problems) {
            this.problems = problems;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                for (Valve valve : context.getParent().getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        context.getParent().getPipeline().removeValve(valve);
                    }
                }
                context.getParent().getPipeline().addValve(new ProblemErrorReportValve(problems));
                // The host adds an ErrorReportValve of this class name (with the version in it) when none
                // is there; this one is, so the host never makes one itself.
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** Writes Tomcat's own error answers as problems; says nothing about the server or the failure. */
    static final class ProblemErrorReportValve extends ErrorReportValve {

        private final ObjectProvider<ProblemWriter> problems;

        ProblemErrorReportValve(ObjectProvider<ProblemWriter> problems) {
            this.problems = problems;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own report: only errors, only once, only if nothing was written yet.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status < 500 ? "The request could not be read." : "The request could not be answered.";
            try {
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Content-Security-Policy", ResponseHeaders.API_POLICY);
                // Fixed words only: nothing from the request is echoed.
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
                problem.setTitle(title);
                problems.getObject().write(response, problem);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response cannot be written: nothing more to tell it.
            }
        }
    }
}
