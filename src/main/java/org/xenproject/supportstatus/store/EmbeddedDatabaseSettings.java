package org.xenproject.supportstatus.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own PostgreSQL, used when no {@code SPRING_DATASOURCE_URL} is given.
 *
 * @param directory where its data lives; kept across restarts
 * @param port      its TCP port on localhost; 0 picks a free one at each start
 */
@ConfigurationProperties("xen.support.embedded-database")
public record EmbeddedDatabaseSettings(Path directory, int port) {}
