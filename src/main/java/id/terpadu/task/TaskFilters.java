package id.terpadu.task;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of the list of all tasks as sent ({@code @BeanParam TaskFilters filters}): the state of an incident's
 * task list, whether overdue, and the agency asked to act, each documented with the type its accessor enforces.
 */
public class TaskFilters extends TaskStateFilter {

    @QueryParam("overdue")
    @Parameter(
            description = "Only tasks past due and still open",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String overdue;

    @QueryParam("agencyId")
    @Parameter(
            description = "The agency asked to act",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String agencyId;

    Boolean overdue() {
        return Params.bool(overdue, "overdue");
    }

    UUID agencyId() {
        return Params.uuid(agencyId, "agencyId");
    }
}
