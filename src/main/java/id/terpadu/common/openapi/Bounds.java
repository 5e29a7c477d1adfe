package id.terpadu.common.openapi;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.security.ApiKeyScope;
import id.terpadu.common.validation.Constraints;

/**
 * States in the document the bounds the service already enforces but that the generated schemas leave out, so that
 * a client (and a linter) sees every string, number and list bounded:
 * <ul>
 * <li>the shared headers ({@code If-Match}, {@code Idempotency-Key}, {@code Accept-Language}), which resources read
 * as strings: their length and form (query and path parameters state their own type and bounds where they are
 * declared);</li>
 * <li>ids, times and dates: the length of a UUID and of an RFC 3339 value;</li>
 * <li>a record as the API answers it carries what its input allowed: each response schema {@code X} takes the bounds
 * of the same field of {@code XInput} (its length, not its pattern: an answer may mask what was written);</li>
 * <li>integers with no narrower rule: the range of their format (a version or a count is never negative);</li>
 * <li>a lists page holds at most {@link PageRequest#MAX_LIMIT} items.</li>
 * </ul>
 * Nothing here narrows what the service accepts: each bound is one a request outside of it already fails.
 */
final class Bounds {

    static final int DATE_LENGTH = 10;
    /** The request body limit ({@code quarkus.http.limits.max-body-size}, 8M). */
    static final int BODY_LIMIT = 8 * 1024 * 1024;

    static final String IF_MATCH = "\\*|\"[0-9]{1,19}(-[0-9]{1,19})?\"";

    private Bounds() {}

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas =
                openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (schemas != null) {
            schemas.forEach((name, schema) -> {
                Schema input = schemas.get(name + "Input");
                if (input != null) {
                    copy(input, schema, schemas, new HashSet<>());
                }
            });
            schemas.values().forEach(schema -> scalars(schema, schemas, new HashSet<>()));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(Bounds::header);
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(Bounds::header);
                }
                if (operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null) {
                    for (MediaType media : operation
                            .getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()) {
                        Schema body = media.getSchema();
                        if (body != null
                                && body.getRef() == null
                                && is(body, SchemaType.STRING)
                                && body.getMaxLength() == null) {
                            body.maxLength(BODY_LIMIT);
                        }
                    }
                }
            }
        });
    }

    /** The bounds of {@code from} (an input) that {@code to} (the same record as answered) lacks. */
    private static void copy(Schema from, Schema to, Map<String, Schema> schemas, Set<Schema> seen) {
        if (from == null || to == null || !seen.add(to)) {
            return;
        }
        if (to.getRef() == null) {
            if (to.getMaxLength() == null && from.getMaxLength() != null && is(to, SchemaType.STRING)) {
                to.maxLength(from.getMaxLength());
            }
            if (to.getMaxItems() == null && from.getMaxItems() != null && is(to, SchemaType.ARRAY)) {
                to.maxItems(from.getMaxItems());
            }
            if (is(to, SchemaType.INTEGER) || is(to, SchemaType.NUMBER)) {
                if (to.getMinimum() == null && from.getMinimum() != null) {
                    to.minimum(from.getMinimum());
                }
                if (to.getMaximum() == null && from.getMaximum() != null) {
                    to.maximum(from.getMaximum());
                }
            }
        }
        if (to.getItems() != null && from.getItems() != null) {
            copy(from.getItems(), to.getItems(), schemas, seen);
        }
        if (to.getProperties() != null && from.getProperties() != null) {
            to.getProperties()
                    .forEach((name, property) -> copy(from.getProperties().get(name), property, schemas, seen));
        }
    }

    private static void scalars(Schema schema, Map<String, Schema> schemas, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getRef() != null && schema.getType() != null) {
            // a $ref with siblings (an annotated field of a shared type): the siblings take the shared type's bounds
            Schema target =
                    schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            if (target != null && target.getFormat() != null && schema.getFormat() == null) {
                schema.format(target.getFormat());
            }
        }
        if (is(schema, SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            String format = schema.getFormat();
            if ("uuid".equals(format)) {
                schema.maxLength(Params.UUID_LENGTH);
            } else if ("date-time".equals(format)) {
                schema.maxLength(Params.DATE_TIME_LENGTH);
            } else if ("date".equals(format)) {
                schema.maxLength(DATE_LENGTH);
            }
        }
        if (is(schema, SchemaType.INTEGER)) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                schema.minimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.maximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (is(property, SchemaType.INTEGER) && property.getMinimum() == null && nonNegative(name)) {
                    property.minimum(BigDecimal.ZERO);
                }
                named(name, property);
                scalars(property, schemas, seen);
            });
        }
        scalars(schema.getItems(), schemas, seen);
        if (schema.getAdditionalPropertiesSchema() != null) {
            scalars(schema.getAdditionalPropertiesSchema(), schemas, seen);
        }
    }

    /** Fields that hold the same kind of value wherever they appear. */
    private static void named(String name, Schema property) {
        Schema strings = is(property, SchemaType.ARRAY) && property.getItems() != null ? property.getItems() : property;
        if (strings.getRef() != null
                || !is(strings, SchemaType.STRING)
                || strings.getMaxLength() != null
                || strings.getEnumeration() != null
                || strings.getFormat() != null) {
            return;
        }
        if (name.equals("regionCode")
                || name.endsWith("RegionCode")
                || name.equals("provinceCode")
                || name.equals("parentCode")
                || name.equals("regionScope")) {
            string(strings, 13, Constraints.REGION_CODE);
        } else if (name.equals("scopes")) {
            strings.enumeration(java.util.Arrays.stream(ApiKeyScope.values())
                    .<Object>map(ApiKeyScope::value)
                    .toList());
        } else if (name.equals("categoryCode")
                || name.equals("activityType")
                || name.equals("entityType")
                || name.equals("operation")
                || name.equals("groupBy")
                || name.equals("roles")
                || name.equals("eventType")
                || name.equals("eventTypes")) {
            string(strings, 64, Params.WORD_LIST);
        } else if (name.equals("cursor") || name.equals("nextCursor")) {
            string(strings, PageRequest.MAX_CURSOR_LENGTH, PageRequest.CURSOR);
        }
    }

    private static void string(Schema schema, int maxLength, String pattern) {
        schema.maxLength(maxLength);
        if (schema.getPattern() == null) {
            schema.pattern(pattern);
        }
    }

    private static boolean nonNegative(String name) {
        return name.equals("version")
                || name.endsWith("Version")
                || name.equals("position")
                || name.endsWith("Position")
                || name.equals("items")
                || name.endsWith("Items")
                || name.equals("incidents")
                || name.equals("cases")
                || name.equals("persons")
                || name.equals("violations")
                || name.equals("received")
                || name.equals("inserted")
                || name.equals("updated")
                || name.equals("unchanged")
                || name.equals("reported")
                || name.equals("attempts")
                || name.equals("number")
                || name.endsWith("Millis")
                || name.endsWith("Ms")
                || name.equals("rank");
    }

    /** The shared headers, by name: what {@code ETags}, the idempotency filter and the language negotiation accept. */
    private static void header(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() != Parameter.In.HEADER
                || schema == null
                || schema.getRef() != null
                || !is(schema, SchemaType.STRING)) {
            return;
        }
        switch (parameter.getName()) {
            // an ETag as the service gives it, attachments' count included ("3-2"): only the version counts
            case "If-Match" -> string(schema, 41, IF_MATCH);
            case "Idempotency-Key" -> string(schema, 255, Constraints.ONE_LINE);
            case "Accept-Language" -> string(schema, 255, "[A-Za-z0-9,;=. *-]*");
            default -> {}
        }
    }

    private static boolean is(Schema schema, SchemaType type) {
        List<SchemaType> types = schema.getType();
        return types != null && types.contains(type);
    }
}
