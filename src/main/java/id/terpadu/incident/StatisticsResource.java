package id.terpadu.incident;

import java.util.List;

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
                    + "buildings damaged, displaced) grouped by any of category, parentCategory (the top-level "
                    + "category a sub-category rolls up into), stage, province, kabkota, kecamatan, and month, year or "
                    + "isoWeek (`2025-W07`) of occurredFrom in WIB, over exactly the incidents you could list with the same filters: region scope and "
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
                                            enumeration = {
                                                "category",
                                                "stage",
                                                "province",
                                                "kabkota",
                                                "month",
                                                "year",
                                                "isoWeek",
                                                "kecamatan",
                                                "parentCategory"
                                            }))
                    @QueryParam("groupBy")
                    String groupBy) {
        return service.statistics(
                filters.query(IncidentQuery.Duplicates.ofCount(includeDuplicates)),
                Statistics.Dimension.parse(groupBy));
    }

    @GET
    @Path("resolution")
    @Operation(
            summary = "Share of conflicts resolved per region and year",
            description = "For each province or kabupaten/kota (`level`) and year: the incidents recorded (by "
                    + "occurredFrom, WIB), leaving out those verified TIDAK_VALID (it did not happen) or DUPLIKAT (it "
                    + "counts in its original), as the risk index does; how many are resolved now, that is in "
                    + "PEMULIHAN (the violence was stopped, UU 7/2012 Bab IV, and recovery is under way) or SELESAI "
                    + "(closed); and the share, null when none was recorded. An incident that flares up again "
                    + "(PEMULIHAN → PENGHENTIAN) or is reopened counts as unresolved again. Every current region of the "
                    + "level within your region scope and `region` has a row for each year (the one asked, or each "
                    + "year with incidents). Counts only what you could list: region scope and classification hold. "
                    + "At most 10,000 rows.")
    @APIResponse(
            responseCode = "200",
            description = "The regions and years",
            content =
                    @Content(
                            schema = @Schema(implementation = Statistics.Resolution.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(name = "Sumatera Barat 2024", value = IncidentExamples.RESOLUTION)))
    public Statistics.Resolution resolution(
            @Parameter(
                            description = "The regions of the rows: provinces or kabupaten/kota",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"province", "kabkota"},
                                            defaultValue = "province"))
                    @QueryParam("level")
                    String level,
            @Parameter(
                            description = "The year (WIB) of occurredFrom; every year with incidents when absent",
                            example = "2024",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1945",
                                            maximum = "2100"))
                    @QueryParam("year")
                    String year,
            @Parameter(
                            description = "Region code; the region and everything below it",
                            example = "13",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            maxLength = Params.REGION_CODE_LENGTH,
                                            pattern = Constraints.REGION_CODE))
                    @QueryParam("region")
                    String region) {
        String chosen = Params.choice(level, "level", List.of("kabkota", "province"));
        return service.resolution(
                chosen == null ? "province" : chosen,
                Params.integer(year, "year", 1945, 2100),
                region == null || region.isBlank() ? null : region.trim());
    }
}
