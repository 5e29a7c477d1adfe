package id.terpadu.privacy;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the personal-data access log as sent ({@code @BeanParam AccessLogFilters filters}), each documented
 * with the type and bounds its accessor (or {@link AccessLog}, for the actor and the record type) enforces.
 */
public class AccessLogFilters {

    @QueryParam("actor")
    @Parameter(
            description = "Only this actor (token subject or `api-key:<prefix>`)",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = AccessLog.MAX_ACTOR_LENGTH,
                            pattern = Constraints.ONE_LINE))
    String actor;

    @QueryParam("entityId")
    @Parameter(
            description = "Only this record",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String entityId;

    @QueryParam("entityType")
    @Parameter(
            description = "Only this kind of record",
            example = "neutrality-case",
            schema = @Schema(enumeration = {"incident", "early-warning", "neutrality-case", "intake-report"}))
    String entityType;

    @QueryParam("from")
    @Parameter(
            description = "From this instant (inclusive, ISO 8601)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String from;

    @QueryParam("to")
    @Parameter(
            description = "Before this instant (ISO 8601)",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String to;

    String actor() {
        return actor;
    }

    UUID entityId() {
        return Params.uuid(entityId, "entityId");
    }

    String entityType() {
        return entityType;
    }

    Instant from() {
        return Params.instant(from, "from");
    }

    Instant to() {
        return Params.instant(to, "to");
    }
}
