package id.terpadu.common.openapi;

import java.util.ArrayList;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The body of a merge patch ({@code application/merge-patch+json}, RFC 7396) names the schema of the record's PUT
 * body, {@code X}; what it may hold is any part of it, each field also {@code null} (which removes it). So the
 * operation is given {@code XPatch} instead: the fields of {@code X}, none required, each its own schema or
 * {@code null}. The service checks the merged result against {@code X} itself.
 */
final class Patches {

    static final String MEDIA_TYPE = id.terpadu.common.patch.MergePatch.MEDIA_TYPE;
    private static final String PREFIX = "#/components/schemas/";

    private Patches() {}

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation patch = item.getPATCH();
            if (patch == null
                    || patch.getRequestBody() == null
                    || patch.getRequestBody().getContent() == null) {
                return;
            }
            MediaType body = patch.getRequestBody().getContent().getMediaType(MEDIA_TYPE);
            if (body == null || body.getSchema() == null || body.getSchema().getRef() == null) {
                return;
            }
            String name = body.getSchema().getRef().substring(PREFIX.length());
            Schema whole = schemas.get(name);
            if (whole == null) {
                throw new IllegalStateException("merge patch of an unknown schema " + name);
            }
            String patchName = name.endsWith("Input")
                    ? name.substring(0, name.length() - "Input".length()) + "Patch"
                    : name + "Patch";
            if (!schemas.containsKey(patchName)) {
                openAPI.getComponents().addSchema(patchName, patchOf(name, whole));
            }
            body.setSchema(OASFactory.createSchema().ref(patchName));
        });
    }

    private static Schema patchOf(String name, Schema whole) {
        Schema patch = OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("A JSON Merge Patch (RFC 7396) of " + name + ": any of its fields; `null` removes one. "
                        + "The record after the patch must be a valid " + name + ".");
        // none required: Nulls then lets each field be null too
        whole.getProperties().forEach((field, schema) -> patch.addProperty(field, copy(schema)));
        return patch;
    }

    /** What a field may hold, without its examples (the PUT body's schema shows them once). */
    private static Schema copy(Schema from) {
        Schema to = OASFactory.createSchema()
                .ref(from.getRef())
                .description(from.getDescription())
                .format(from.getFormat())
                .pattern(from.getPattern())
                .minLength(from.getMinLength())
                .maxLength(from.getMaxLength())
                .minimum(from.getMinimum())
                .maximum(from.getMaximum())
                .exclusiveMinimum(from.getExclusiveMinimum())
                .exclusiveMaximum(from.getExclusiveMaximum())
                .minItems(from.getMinItems())
                .maxItems(from.getMaxItems())
                .uniqueItems(from.getUniqueItems())
                .enumeration(from.getEnumeration() == null ? null : new ArrayList<>(from.getEnumeration()));
        if (from.getType() != null) {
            to.setType(new ArrayList<>(from.getType()));
        }
        if (from.getItems() != null) {
            to.items(copy(from.getItems()));
        }
        if (from.getAnyOf() != null) {
            from.getAnyOf().forEach(s -> to.addAnyOf(copy(s)));
        }
        if (from.getProperties() != null) {
            from.getProperties().forEach((k, v) -> to.addProperty(k, copy(v)));
            to.required(from.getRequired() == null ? null : new ArrayList<>(from.getRequired()));
        }
        if (from.getAdditionalPropertiesSchema() != null) {
            to.additionalPropertiesSchema(copy(from.getAdditionalPropertiesSchema()));
        } else if (from.getAdditionalPropertiesBoolean() != null) {
            to.additionalPropertiesBoolean(from.getAdditionalPropertiesBoolean());
        }
        return to;
    }
}
