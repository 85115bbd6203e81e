package org.xenproject.supportstatus.testing;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schemas the answers are validated against, copies under test resources (each with its
 * SOURCE.md). Read as JSON Schema 2020-12, with formats asserted: a schema's own meta-schema would
 * be fetched from the internet, which tests never reach, and their keywords are 2020-12's.
 */
public final class JsonSchemas {

    private JsonSchemas() {}

    public static Schema load(String resource) {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            ObjectNode schema = (ObjectNode) json.readTree(in.readAllBytes());
            schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            return SchemaRegistry.withDefaultDialect(
                            SpecificationVersion.DRAFT_2020_12,
                            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(json.writeValueAsString(schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
