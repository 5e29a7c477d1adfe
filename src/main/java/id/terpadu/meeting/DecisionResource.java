package id.terpadu.meeting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;

@Path("/api/v1/meeting-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class DecisionResource {

    private final MeetingService service;

    DecisionResource(MeetingService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List meeting decisions across meetings",
            description = "A team's follow-up dashboard: "
                    + "decisions of the meetings you may see, earliest due first, filtered by overdue (past due and still "
                    + "OPEN or IN_PROGRESS), status, owner agency and team. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of decisions",
            content =
                    @Content(
                            schema = @Schema(ref = "MeetingDecisionPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = MeetingExamples.DECISIONS_PAGE)))
    public Response list(@BeanParam DecisionFilters filters, @BeanParam PageParams page) {
        return page.ok(service.decisions(
                filters.overdue(), filters.status(), filters.ownerAgencyId(), filters.teamId(), page.request()));
    }
}
