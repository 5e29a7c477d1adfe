package id.terpadu.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.Params;
import id.terpadu.common.security.Role;
import id.terpadu.common.validation.Constraints;

@Path("/api/v1/statistics/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class TaskStatisticsResource {

    private final TaskService service;

    TaskStatisticsResource(TaskService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Task statistics",
            description = "How many tasks, how many of them open (ALERTED, ACKNOWLEDGED or ACTIVE) and how many open "
                    + "and past due, grouped by any of agency (the id of the agency asked to act), state, province and "
                    + "kabkota (of the task's incident or early warning), over exactly the tasks you could list with "
                    + "the same filters: a task is counted only if you may read its incident or early warning (region "
                    + "scope and classification). At most 10,000 groups.")
    @APIResponse(
            responseCode = "200",
            description = "The groups",
            content =
                    @Content(
                            schema = @Schema(implementation = TaskStatistics.Result.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "by state", value = TaskExamples.STATISTICS)))
    public TaskStatistics.Result statistics(
            @BeanParam TaskFilters filters,
            @Parameter(
                            description = "Region code of the task's incident or early warning; the region and "
                                    + "everything below it",
                            example = "13",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = Params.REGION_CODE_LENGTH,
                                            pattern = Constraints.REGION_CODE))
                    @QueryParam("region")
                    String region,
            @Parameter(
                            description = "Dimensions, comma-separated",
                            example = "agency,state",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            enumeration = {"agency", "state", "province", "kabkota"}))
                    @QueryParam("groupBy")
                    String groupBy) {
        return service.statistics(
                filters.overdue(),
                filters.state(),
                filters.agencyId(),
                region == null || region.isBlank() ? null : region.trim(),
                TaskStatistics.Dimension.parse(groupBy));
    }
}
