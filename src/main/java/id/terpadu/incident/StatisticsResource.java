package id.terpadu.incident;

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

import id.terpadu.common.security.Role;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Counts and impact sums over what the caller may see")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class StatisticsResource {

    private final IncidentService service;

    StatisticsResource(IncidentService service) {
        this.service = service;
    }

    @GET
    @Path("incidents")
    @Operation(
            summary = "Incident statistics",
            description = "Counts and impact sums (killed, injured, sexual violence, "
                    + "buildings damaged, displaced) grouped by any of category, stage, province, kabkota and month (of "
                    + "occurredFrom, WIB), over exactly the incidents you could list with the same filters: region scope and "
                    + "classification hold, so restricted records never show in counts. A sum adds the reported values only "
                    + "and says how many incidents reported one; it is null when none did. Each event counts once: records "
                    + "verified DUPLIKAT are left out unless `includeDuplicates=true` (community reports are counted "
                    + "through the records they became, never on their own). At most 10,000 groups.")
    @APIResponse(
            responseCode = "200",
            description = "The groups",
            content =
                    @Content(
                            schema = @Schema(implementation = Statistics.Result.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "by category and month",
                                            value = IncidentExamples.BY_CATEGORY_AND_MONTH)))
    public Statistics.Result incidents(
            @BeanParam IncidentFilters filters,
            @Parameter(
                            description = "true: count records verified DUPLIKAT too (raw counts). By default each "
                                    + "event counts once: a duplicate, which names its original, is left out",
                            example = "false",
                            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                    @QueryParam("includeDuplicates")
                    String includeDuplicates,
            @Parameter(
                            description = "Dimensions, comma-separated",
                            example = "category,month",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            enumeration = {"category", "stage", "province", "kabkota", "month"}))
                    @QueryParam("groupBy")
                    String groupBy) {
        return service.statistics(
                filters.query(IncidentQuery.Duplicates.ofCount(includeDuplicates)),
                Statistics.Dimension.parse(groupBy));
    }
}
