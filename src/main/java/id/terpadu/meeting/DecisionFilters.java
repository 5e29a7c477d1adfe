package id.terpadu.meeting;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of the meeting-decision list as sent ({@code @BeanParam DecisionFilters filters}), each documented with
 * the type its accessor enforces.
 */
public class DecisionFilters {

    @QueryParam("overdue")
    @Parameter(
            description = "Only decisions past due and still open",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String overdue;

    @QueryParam("status")
    @Parameter(schema = @Schema(implementation = DecisionStatus.class))
    String status;

    @QueryParam("ownerAgencyId")
    @Parameter(
            description = "The agency that owns the decision",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String ownerAgencyId;

    @QueryParam("teamId")
    @Parameter(
            description = "Only decisions of this team's meetings",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String teamId;

    Boolean overdue() {
        return Params.bool(overdue, "overdue");
    }

    DecisionStatus status() {
        return Params.enumValue(DecisionStatus.class, status, "status");
    }

    UUID ownerAgencyId() {
        return Params.uuid(ownerAgencyId, "ownerAgencyId");
    }

    UUID teamId() {
        return Params.uuid(teamId, "teamId");
    }
}
