package id.terpadu.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import id.terpadu.common.paging.PageRequest;

/**
 * A list answers {@code Page<T>}, which the scanner cannot name for each {@code T}: a list operation refers to
 * {@code #/components/schemas/{T}Page} ({@code @Schema(ref = "AgencyPage")}) and this adds that schema, the page of
 * {@code T}: {@code items} (at most {@link PageRequest#MAX_LIMIT}) and {@code nextCursor} ({@code null} on the last
 * page).
 */
final class Pages {

    private static final String PREFIX = "#/components/schemas/";
    private static final String SUFFIX = "Page";

    private Pages() {}

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null
                || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (APIResponse response :
                        operation.getResponses().getAPIResponses().values()) {
                    if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                        continue;
                    }
                    for (MediaType media : response.getContent().getMediaTypes().values()) {
                        Schema schema = media.getSchema();
                        if (schema != null
                                && schema.getRef() != null
                                && schema.getRef().endsWith(SUFFIX)) {
                            define(openAPI, schema.getRef().substring(PREFIX.length()));
                        }
                    }
                }
            }
        });
    }

    private static void define(OpenAPI openAPI, String name) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas.containsKey(name)) {
            return;
        }
        String item = name.substring(0, name.length() - SUFFIX.length());
        if (!schemas.containsKey(item)) {
            throw new IllegalStateException("A page of " + item + " is referred to, and there is no schema " + item);
        }
        openAPI.getComponents()
                .addSchema(
                        name,
                        OASFactory.createSchema()
                                .addType(SchemaType.OBJECT)
                                .description("A page of " + item
                                        + "; follow `nextCursor` (also in the Link header) for the next one")
                                .required(List.of("items", "nextCursor"))
                                .addProperty(
                                        "items",
                                        OASFactory.createSchema()
                                                .addType(SchemaType.ARRAY)
                                                .maxItems(PageRequest.MAX_LIMIT)
                                                .items(OASFactory.createSchema().ref(PREFIX + item)))
                                .addProperty(
                                        "nextCursor",
                                        OASFactory.createSchema()
                                                .addType(SchemaType.STRING)
                                                .addType(SchemaType.NULL)
                                                .maxLength(PageRequest.MAX_CURSOR_LENGTH)
                                                .pattern(PageRequest.CURSOR)
                                                .description(
                                                        "Pass as `cursor` for the next page; null on the last page")));
    }
}
