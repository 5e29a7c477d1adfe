package id.terpadu.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of the meeting list as sent ({@code @BeanParam MeetingFilters filters}), each documented with the type
 * and bounds its accessor (or the service, for the region) enforces.
 */
public class MeetingFilters {

    @QueryParam("teamId")
    @Parameter(description = "Only this team's meetings")
    String teamId;

    @QueryParam("kind")
    @Parameter(schema = @Schema(implementation = MeetingKind.class))
    String kind;

    @QueryParam("from")
    @Parameter(description = "Held at or after (RFC 3339)", example = "2024-10-01T00:00:00Z")
    String from;

    @QueryParam("to")
    @Parameter(description = "Held before (RFC 3339)", example = "2024-12-01T00:00:00Z")
    String to;

    @QueryParam("region")
    @Parameter(description = "Region code of the team; the region and everything below it", example = "13")
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
