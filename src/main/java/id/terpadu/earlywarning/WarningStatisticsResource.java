package id.terpadu.earlywarning;

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

@Path("/api/v1/statistics/early-warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class WarningStatisticsResource {

    private final WarningService service;

    WarningStatisticsResource(WarningService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Early-warning statistics",
            description = "How many early warnings, grouped by any of riskLevel, status, category, parentCategory "
                    + "(the top-level category a sub-category rolls up into), province, kabkota and month (of "
                    + "observedAt, WIB), over exactly the warnings you could list with the same filters: region scope "
                    + "and classification hold, so restricted warnings never show in counts. Each sign counts once: "
                    + "warnings verified DUPLIKAT are left out unless `includeDuplicates=true`. At most 10,000 groups.")
    @APIResponse(
            responseCode = "200",
            description = "The groups",
            content =
                    @Content(
                            schema = @Schema(implementation = WarningStatistics.Result.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "by risk level and province",
                                            value = WarningExamples.STATISTICS)))
    public WarningStatistics.Result statistics(
            @BeanParam WarningFilters filters,
            @Parameter(
                            description = "true: count warnings verified DUPLIKAT too (raw counts)",
                            example = "false",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeDuplicates")
                    String includeDuplicates,
            @Parameter(
                            description = "Dimensions, comma-separated",
                            example = "riskLevel,province",
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            enumeration = {
                                                "riskLevel",
                                                "status",
                                                "category",
                                                "parentCategory",
                                                "province",
                                                "kabkota",
                                                "month"
                                            }))
                    @QueryParam("groupBy")
                    String groupBy) {
        return service.statistics(
                filters.query(),
                Boolean.TRUE.equals(Params.bool(includeDuplicates, "includeDuplicates")),
                WarningStatistics.Dimension.parse(groupBy));
    }
}
