package id.terpadu.neutrality;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.security.Role;
import id.terpadu.neutrality.NeutralityDtos.StatisticsResult;

@Path("/api/v1/statistics/neutrality-cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class NeutralityStatisticsResource {

    private final NeutralityService service;

    NeutralityStatisticsResource(NeutralityService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Neutrality case statistics",
            description = "Cases, civil servants and violations (persons "
                    + "in REKOMENDASI, SANKSI_DIJATUHKAN or TIDAK_DITINDAKLANJUTI) grouped by any of election, province, "
                    + "kabkota, violationForm, status, recipient, sanction, positionCategory and source, over the cases in "
                    + "your region scope with the given filters. A case with several violation forms counts under each form. "
                    + "No names ever appear.")
    @APIResponse(
            responseCode = "200",
            description = "The groups",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.StatisticsResult.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = NeutralityExamples.STATISTICS)))
    public StatisticsResult statistics(
            @Parameter(
                            description = "Dimensions, comma-separated",
                            example = "election,status",
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                                            enumeration = {
                                                "election",
                                                "province",
                                                "kabkota",
                                                "violationForm",
                                                "status",
                                                "recipient",
                                                "sanction",
                                                "positionCategory",
                                                "source"
                                            }))
                    @QueryParam("groupBy")
                    String groupBy,
            @BeanParam NeutralityFilters filters) {
        return service.statistics(
                filters.electionType(),
                filters.electionYear(),
                filters.region(),
                filters.source(),
                NeutralityService.Dimension.parse(groupBy));
    }
}
