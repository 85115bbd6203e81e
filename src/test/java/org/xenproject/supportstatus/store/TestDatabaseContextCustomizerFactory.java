package org.xenproject.supportstatus.store;

import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link TestDatabase}, so no test can fall back to anything
 * but real PostgreSQL. The database starts only when a context actually asks for its URL
 * (web-layer slices never do). A test's own {@code @TestPropertySource} or
 * {@code @DynamicPropertySource} still wins, e.g. to aim at a database it stops itself.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    private static final List<String> TEST_OWN_SOURCES = List.of("Dynamic Test Properties", "Inlined Test Properties");

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private record Customizer() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new LazyDatabaseProperties());
            for (String name : TEST_OWN_SOURCES) {
                PropertySource<?> own = sources.remove(name);
                if (own != null) {
                    sources.addFirst(own);
                }
            }
        }
    }

    private static final class LazyDatabaseProperties extends PropertySource<Object> {
        LazyDatabaseProperties() {
            super("xen-support test database");
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> TestDatabase.connection().url();
                case "spring.datasource.username" -> TestDatabase.connection().username();
                case "spring.datasource.password" -> TestDatabase.connection().password();
                default -> null;
            };
        }
    }
}
