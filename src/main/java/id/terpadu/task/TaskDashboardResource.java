package id.terpadu.task;

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

@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class TaskDashboardResource {

    private final TaskService service;

    TaskDashboardResource(TaskService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List tasks across incidents",
            description = "A team's dashboard: tasks of the incidents and early warnings you "
                    + "may see, and those given to your agency, earliest due first, filtered by overdue (due and still open), state and agency. "
                    + "Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of tasks",
            content =
                    @Content(
                            schema = @Schema(ref = "TaskPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = TaskExamples.TASKS_PAGE)))
    public Response all(@BeanParam TaskFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(null, filters.overdue(), filters.state(), filters.agencyId(), page.request()));
    }
}
