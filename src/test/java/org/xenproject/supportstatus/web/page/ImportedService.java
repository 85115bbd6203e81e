package org.xenproject.supportstatus.web.page;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.testing.ImportSource;

/**
 * The running service with the releases of a repository imported afresh before a class's tests,
 * since other tests empty the shared database. Each subclass names its repository in a
 * {@code @DynamicPropertySource} ({@link #repository}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ImportedService {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportJob importJob;

    @LocalServerPort
    int port;

    @BeforeAll
    void importReleases() {
        PageFixtures.importAll(jdbc, importJob);
    }

    /**
     * Names the repository {@code build} makes in {@code work}'s {@code xen} folder, built the
     * first time the service asks for it, with its git cache in {@code work}'s {@code cache}.
     */
    static void repository(DynamicPropertyRegistry registry, Path work, Function<Path, Path> build) {
        AtomicReference<Path> built = new AtomicReference<>();
        ImportSource.register(
                registry,
                () -> built.updateAndGet(path -> {
                    if (path != null) {
                        return path;
                    }
                    PageFixtures.delete(work.resolve("cache"));
                    return build.apply(work.resolve("xen"));
                }),
                () -> work.resolve("cache"));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
