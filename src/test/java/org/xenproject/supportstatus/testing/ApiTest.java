package org.xenproject.supportstatus.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.xenproject.supportstatus.imports.ImportJob;
import org.xenproject.supportstatus.store.ImportRun;

/**
 * End-to-end API tests: the real importer stores {@link XenFixture} in real PostgreSQL, and the
 * tests ask over HTTP, as clients do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest {

    private static final Path CACHE = temporaryDirectory();

    @Autowired
    protected RestTestClient http;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ImportJob imports;

    protected final XenFixture fixture = XenFixture.get();

    @DynamicPropertySource
    static void source(DynamicPropertyRegistry registry) {
        ImportSource.register(registry, () -> XenFixture.get().url(), () -> CACHE);
    }

    @BeforeAll
    void importFixture() {
        ImportedData.clear(jdbc);
        imports.run(ImportRun.Trigger.ADMIN);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("xen-api-cache-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
