package id.terpadu.task;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.task.TaskDtos.TaskInput;
import id.terpadu.task.TaskDtos.TaskResponse;
import id.terpadu.task.TaskDtos.TaskTransitionInput;

@Path("/api/v1/early-warnings/{id}/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
/**
 * Tasks on an early warning: deteksi dini asks agencies to act before violence. The same operations as an incident's
 * tasks; once the warning grew into an incident (ESKALASI), new tasks belong there.
 */
public class WarningTaskResource {

    private final TaskService service;

    WarningTaskResource(TaskService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List the tasks of an early warning",
            description = "Earliest due first, filtered by state. " + "Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of tasks",
            content =
                    @Content(
                            schema = @Schema(ref = "TaskPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = TaskExamples.WARNING_TASKS_PAGE)))
    public Response ofWarning(@PathParam("id") UUID id, @BeanParam TaskStateFilter filter, @BeanParam PageParams page) {
        return page.ok(service.of(TaskParent.warning(id), filter.state(), page.request()));
    }

    @GET
    @Path("{taskId}")
    @Operation(
            summary = "Get a task of an early warning",
            description = "One task with its ETag, whether it is overdue, and its escalation.")
    @APIResponse(
            responseCode = "200",
            description = "The task",
            content =
                    @Content(
                            schema = @Schema(implementation = TaskDtos.TaskResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "task", value = TaskExamples.WARNING_TASK)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId, @Context Request request) {
        TaskResponse task = service.get(TaskParent.warning(id), taskId);
        return ETags.conditionalGet(request, task);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Ask an agency to act on an early warning",
            description = "Gives an agency a task with a due time; it starts "
                    + "ALERTED. Not on a warning that grew into an incident (409). An overdue task climbs like an incident's. "
                    + "ADMIN or COORDINATOR.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "patroli", value = TaskExamples.PATROLI)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = TaskDtos.TaskResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "task", value = TaskExamples.WARNING_TASK)))
    public Response add(@PathParam("id") UUID id, @Valid @NotNull TaskInput request, @Context UriInfo uri) {
        TaskResponse created = service.add(TaskParent.warning(id), request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{taskId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Correct a task of an early warning",
            description = "Corrects an open task's description, due time or agency (re-dates or reassigns it; a task "
                    + "given to another agency starts again at ALERTED). A DONE, UNABLE or CANCELLED task is final (409). "
                    + "ADMIN or COORDINATOR. If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "redate", value = TaskExamples.REDATE)))
    @APIResponse(
            responseCode = "200",
            description = "Corrected; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = TaskDtos.TaskResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "task", value = TaskExamples.WARNING_TASK)))
    public Response replace(
            @PathParam("id") UUID id,
            @PathParam("taskId") UUID taskId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TaskInput request) {
        return Answers.ok(service.replace(TaskParent.warning(id), taskId, ETags.requireIfMatch(ifMatch), request));
    }

    @POST
    @Path("{taskId}/transitions")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Move a task of an early warning to another state",
            description =
                    "ALERTED → ACKNOWLEDGED → ACTIVE → DONE, or "
                            + "UNABLE with a reason from any open state, or CANCELLED with a reason by the secretariat (409 lists the "
                            + "allowed ones). An OFFICER moves only its own agency's tasks. If-Match is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "acknowledge", value = TaskExamples.ACKNOWLEDGE),
                                @ExampleObject(name = "unable", value = TaskExamples.UNABLE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The task in its new state",
            content =
                    @Content(
                            schema = @Schema(implementation = TaskDtos.TaskResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "task", value = TaskExamples.WARNING_TASK)))
    public Response transition(
            @PathParam("id") UUID id,
            @PathParam("taskId") UUID taskId,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TaskTransitionInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        TaskResponse updated = service.transition(TaskParent.warning(id), taskId, expected, request);
        return Answers.ok(updated);
    }
}
