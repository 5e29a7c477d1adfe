package id.terpadu.common.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import id.terpadu.common.validation.Constraints;

/**
 * Makes the document exactly as strict as the service, in a form every JSON Schema and OpenAPI 3.1 tool reads alike:
 * <ul>
 * <li>every schema a request body reaches says {@code additionalProperties: false}: the JSON reader refuses unknown
 * fields;</li>
 * <li>every pattern is anchored ({@code ^…$}): Bean Validation matches the whole value, a JSON Schema pattern matches
 * anywhere in it; the generated {@code \S} of {@code @NotBlank} becomes {@link Constraints#NOT_BLANK};</li>
 * <li>{@code If-Match} is required on PUT and DELETE (its absence is a 428), and on the few POSTs that declare it
 * required (a verification);</li>
 * <li>a comma-separated query parameter declared as an array with an enumeration lists the values its items may take
 * ({@code groupBy=category,stage}: {@code style: form, explode: false}).</li>
 * </ul>
 * The contract test walks every operation to prove each of these is enforced, and that nothing enforced is missing.
 */
final class Strictness {

    private Strictness() {}

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> components =
                openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                        ? Map.of()
                        : openAPI.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        components.values().forEach(schema -> patterns(schema, seen));
        if (openAPI.getComponents() != null && openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(header -> patterns(header.getSchema(), seen));
        }
        Set<Schema> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getParameters() != null) {
                    for (Parameter parameter : operation.getParameters()) {
                        arrayEnumeration(parameter);
                        patterns(parameter.getSchema(), seen);
                        if (parameter.getName().equals("If-Match")
                                && (entry.getKey() == PathItem.HttpMethod.PUT
                                        || entry.getKey() == PathItem.HttpMethod.DELETE
                                        || entry.getKey() == PathItem.HttpMethod.PATCH
                                        || Boolean.TRUE.equals(parameter.getRequired()))) {
                            // set afresh, so that every required If-Match is the same model and shared as one
                            parameter.required(null);
                            parameter.required(true);
                        }
                        exampleInWords(parameter);
                    }
                }
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null) {
                    for (Map.Entry<String, MediaType> media : operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .entrySet()) {
                        patterns(media.getValue().getSchema(), seen);
                        if (media.getKey().contains("json")) {
                            close(media.getValue().getSchema(), components, closed);
                        }
                    }
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(response -> {
                        if (response.getContent() != null
                                && response.getContent().getMediaTypes() != null) {
                            response.getContent().getMediaTypes().values().forEach(m -> patterns(m.getSchema(), seen));
                        }
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> patterns(h.getSchema(), seen));
                        }
                    });
                }
            }
        });
    }

    /** An anchored pattern that means what the service enforces. */
    static String anchored(String pattern) {
        if (pattern.equals("\\S")) {
            return Constraints.NOT_BLANK;
        }
        if (pattern.startsWith("^") && pattern.endsWith("$")) {
            return pattern;
        }
        return pattern.contains("|") ? "^(" + pattern + ")$" : "^" + pattern + "$";
    }

    private static void patterns(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getPattern() != null) {
            schema.pattern(anchored(schema.getPattern()));
        }
        for (Schema child : children(schema)) {
            patterns(child, seen);
        }
    }

    /** {@code additionalProperties: false} on every object schema a request body reaches. */
    private static void close(Schema schema, Map<String, Schema> components, Set<Schema> closed) {
        if (schema == null || !closed.add(schema)) {
            return;
        }
        if (schema.getRef() != null) {
            close(components.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)), components, closed);
        }
        if (schema.getProperties() != null
                && schema.getAdditionalPropertiesSchema() == null
                && schema.getAdditionalPropertiesBoolean() == null) {
            schema.additionalPropertiesBoolean(Boolean.FALSE);
        }
        for (Schema child : children(schema)) {
            close(child, components, closed);
        }
    }

    private static List<Schema> children(Schema schema) {
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        for (List<Schema> group : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (group != null) {
                children.addAll(group);
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        return children;
    }

    /**
     * An optional parameter's example goes into its description: Swagger UI fills a form field with the example, so
     * every optional filter was sent and a list came back empty, and an optional If-Match of {@code "0"} made every
     * transition after a record's first a 412.
     */
    private static void exampleInWords(Parameter parameter) {
        if ((parameter.getIn() != Parameter.In.QUERY && parameter.getIn() != Parameter.In.HEADER)
                || Boolean.TRUE.equals(parameter.getRequired())
                || parameter.getExample() == null) {
            return;
        }
        Object example = parameter.getExample();
        String text = example instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(example);
        String description = parameter.getDescription() == null
                ? ""
                : parameter.getDescription().strip();
        parameter.description((description.isEmpty() ? "" : description + (description.endsWith(".") ? " " : ". "))
                + "For example `" + text + "`.");
        parameter.example(null);
    }

    /**
     * A query parameter given as {@code @Schema(type = ARRAY, enumeration = …)}: the values belong to its items, and
     * a comma-separated example becomes a list.
     */
    private static void arrayEnumeration(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema == null
                || schema.getType() == null
                || !schema.getType().contains(SchemaType.ARRAY)
                || schema.getEnumeration() == null) {
            return;
        }
        Schema items = OASFactory.createSchema().addType(SchemaType.STRING).enumeration(schema.getEnumeration());
        schema.enumeration(null);
        schema.items(items);
        // no uniqueItems: the service accepts a value named twice (and counts it once), but no more items than values
        schema.maxItems(items.getEnumeration().size());
        parameter.style(Parameter.Style.FORM).explode(false);
        if (parameter.getExample() instanceof String example) {
            parameter.example(List.of(example.split(",")));
        }
    }
}
