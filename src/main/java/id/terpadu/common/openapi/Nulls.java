package id.terpadu.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The API writes an unset field as {@code null} (it does not leave it out), and accepts {@code null} for any field
 * that is not required. The generated schemas say neither, so each optional property of a component schema is made
 * to admit {@code null}: a typed one gains the type {@code "null"}, a {@code $ref} becomes {@code anyOf} the
 * reference or {@code null}.
 */
final class Nulls {

    private Nulls() {}

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> entry : new java.util.ArrayList<>(properties.entrySet())) {
                if (!required.contains(entry.getKey())) {
                    schema.addProperty(entry.getKey(), nullable(entry.getValue()));
                }
                // a map's value may be null too: a statistics group of the records that have no value for it
                Schema values = entry.getValue().getAdditionalPropertiesSchema();
                if (values != null) {
                    nullable(values);
                }
            }
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(property.getRef());
            Schema wrapper = OASFactory.createSchema()
                    .addAnyOf(ref)
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            wrapper.description(property.getDescription());
            wrapper.examples(property.getExamples());
            return wrapper;
        }
        List<SchemaType> types = property.getType();
        if (types != null && !types.isEmpty() && !types.contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
        }
        return property;
    }
}
