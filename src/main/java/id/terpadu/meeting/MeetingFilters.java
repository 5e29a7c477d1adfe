package id.terpadu.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the meeting list as sent ({@code @BeanParam MeetingFilters filters}), each documented with the type
 * and bounds its accessor (or the service, for the region) enforces.
 */
public class MeetingFilters {

    @QueryParam("teamId")
    @Parameter(
            description = "Only this team's meetings",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String teamId;

    @QueryParam("kind")
    @Parameter(schema = @Schema(implementation = MeetingKind.class))
    String kind;

    @QueryParam("from")
    @Parameter(
            description = "Held at or after (RFC 3339)",
            example = "2024-10-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String from;

    @QueryParam("to")
    @Parameter(
            description = "Held before (RFC 3339)",
            example = "2024-12-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String to;

    @QueryParam("region")
    @Parameter(
            description = "Region code of the team; the region and everything below it",
            example = "13",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    UUID teamId() {
        return Params.uuid(teamId, "teamId");
    }

    MeetingKind kind() {
        return Params.enumValue(MeetingKind.class, kind, "kind");
    }

    Instant from() {
        return Params.instant(from, "from");
    }

    Instant to() {
        return Params.instant(to, "to");
    }

    String region() {
        return region;
    }
}
