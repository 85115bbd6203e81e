package org.xenproject.supportstatus.web.server;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Socket buffers sized for the answers the service gives. A prepared answer is written in one go,
 * but Tomcat passes it to the socket through a per-connection buffer of 8 KiB by default, from the
 * heap: one system call per 8 KiB, after a copy into a temporary direct buffer. With a direct buffer
 * of 64 KiB the status line, headers and body of all but the largest answers (the matrix, about
 * 150 KiB uncompressed) leave in a single write. Measured with bench/http: the feature list of a
 * release went from 0.34 to over 0.5 of nginx's rate.
 *
 * <p>The cost is memory outside the heap, per open connection: 64 + 8 KiB. The connection limit in
 * application.yaml bounds it.
 */
@Configuration(proxyBeanMethods = false)
class TomcatSocketConfiguration {

    static final int WRITE_BUFFER_BYTES = 64 * 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketBuffers() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER_BYTES));
            connector.setProperty("socket.directBuffer", "true");
        });
    }
}
