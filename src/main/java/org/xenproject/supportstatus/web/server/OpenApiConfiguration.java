package org.xenproject.supportstatus.web.server;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * What /v3/api-docs says about the service as a whole, and the answers every endpoint can give
 * besides its own: each endpoint describes what it does and what it answers when it works.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(
        name = OpenApiConfiguration.ADMIN_TOKEN,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The admin token the service was given (XEN_SUPPORT_ADMIN_TOKEN)")
public class OpenApiConfiguration {

    /** The security scheme of the admin calls, for {@code @SecurityRequirement(name = ...)}. */
    public static final String ADMIN_TOKEN = "adminToken";

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI supportStatusApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Xen support status")
                        .version("v1")
                        .contact(new Contact().name("Xen Project").url("https://xenproject.org/"))
                        // What the answers hold is read from xen.git's SUPPORT.md: they come under the terms
                        // xen.git gives that file, which its COPYING states.
                        .license(new License()
                                .name("The terms of xen.git's COPYING, as the SUPPORT.md the answers are read from")
                                .url("https://xenbits.xen.org/gitweb/?p=xen.git;a=blob;f=COPYING"))
                        .description("""
                                Which features each Xen release supports, on which architecture, whether they are \
                                security supported, and until when each release is supported: imported from \
                                SUPPORT.md on every stable branch of xen.git. Every GET under /api/v1 carries an \
                                ETag and answers If-None-Match with 304; errors are application/problem+json \
                                (RFC 9457)."""))
                // Relative, so the description is right wherever the service is reached.
                .servers(List.of(new Server().url("/").description("This service")))
                .tags(List.of(
                        new Tag()
                                .name("Releases")
                                .description("Releases, their lifecycle, features and SUPPORT.md history"),
                        new Tag().name("Features").description("Features across releases, and the support matrix"),
                        new Tag()
                                .name("Changes")
                                .description("What changed between releases and revisions, also as Atom"),
                        new Tag().name("Lifecycle").description("The lifecycle in the format of endoflife.date"),
                        new Tag()
                                .name("Advisories")
                                .description("Xen Security Advisories and their fixes per release, from xen.git's "
                                        + "commits; also as OSV records and Atom"),
                        new Tag().name("Parse").description("Reading a SUPPORT.md without storing it"),
                        new Tag().name("Imports").description("Import runs, and starting one")))
                .components(new io.swagger.v3.oas.models.Components().addSchemas(PROBLEM, problemSchema()));
    }

    /**
     * The failures any endpoint can answer, added where the endpoint does not describe them itself:
     * a parameter that is not valid (400), nothing by that name (404), an Accept it cannot meet
     * (406), the database unavailable (503).
     */
    @Bean
    OperationCustomizer commonProblems() {
        return (operation, handler) -> {
            boolean parameters = false;
            boolean named = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                parameters |= parameter.hasParameterAnnotation(RequestParam.class);
                named |= parameter.hasParameterAnnotation(PathVariable.class);
            }
            if (parameters || named) {
                add(operation, "400", "A parameter is not valid: the problem names it");
            }
            if (named) {
                add(operation, "404", "Nothing by that name");
            }
            if (isGet(handler)) {
                add(operation, "406", "None of the media types in Accept can be given");
            }
            add(operation, "503", "The database is unavailable; try again after Retry-After seconds");
            // Problems an endpoint describes itself are the same shape.
            operation.getResponses().values().stream()
                    .map(ApiResponse::getContent)
                    .filter(content -> content != null && content.get(PROBLEM_JSON) != null)
                    .map(content -> content.get(PROBLEM_JSON))
                    .filter(media -> media.getSchema() == null)
                    .forEach(media -> media.setSchema(problemRef()));
            if (operation.getSecurity() == null) {
                // Open to anyone: said so, rather than left unsaid.
                operation.setSecurity(List.of());
            }
            return operation;
        };
    }

    private static boolean isGet(HandlerMethod handler) {
        return handler.hasMethodAnnotation(org.springframework.web.bind.annotation.GetMapping.class);
    }

    private static void add(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, problem(description));
        }
    }

    /** An answer that is an RFC 9457 problem. */
    public static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(problemRef())));
    }

    private static Schema<?> problemRef() {
        return new Schema<>().$ref("#/components/schemas/" + PROBLEM);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong, never a stack trace")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                .description("What kind of problem; about:blank when the status says it all"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong this time"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").description("The path asked for"));
    }
}
