package org.xenproject.supportstatus.testing;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.xenproject.supportstatus.SupportStatusApplication;
import org.xenproject.supportstatus.store.TestDatabase;

/** Where a test's service imports from: a repository the test builds, with a git cache of its own. */
public final class ImportSource {

    private ImportSource() {}

    /** For {@code @DynamicPropertySource}: suppliers, since a test's directories exist only once it runs. */
    public static void register(DynamicPropertyRegistry registry, Supplier<Object> repository, Supplier<Path> cache) {
        registry.add("xen.support.import.source-url", () -> repository.get().toString());
        registry.add("xen.support.import.cache-dir", () -> cache.get().toString());
    }

    /**
     * A further instance of the service, as another replica would be: on the tests' database, any
     * free port, no scheduled imports, importing from {@code repository}. The caller closes it.
     */
    public static ConfigurableApplicationContext startInstance(Path repository, Path cache) {
        TestDatabase.Connection database = TestDatabase.connection();
        // As arguments, which outrank application.yaml (properties given to the builder would not).
        return new SpringApplicationBuilder(SupportStatusApplication.class)
                .run(
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--server.port=0",
                        "--xen.support.import.enabled=false",
                        "--xen.support.import.source-url=" + repository,
                        "--xen.support.import.cache-dir=" + cache);
    }
}
