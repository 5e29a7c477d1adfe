package id.terpadu.neutrality;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters the neutrality statistics and the case list share, as sent ({@code @BeanParam NeutralityFilters
 * filters}): election, region and source, each documented with the type and bounds its accessor (or the service, for
 * the region) enforces. The case list adds the status of a person ({@link NeutralityCaseFilters}).
 */
public class NeutralityFilters {

    @QueryParam("electionType")
    @Parameter(schema = @Schema(implementation = ElectionType.class))
    String electionType;

    @QueryParam("electionYear")
    @Parameter(
            description = "Election year",
            example = "2024",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2004", maximum = "2100"))
    String electionYear;

    @QueryParam("region")
    @Parameter(
            description = "Region code; the region and everything below it",
            example = "13",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    @QueryParam("source")
    @Parameter(schema = @Schema(implementation = CaseSource.class))
    String source;

    ElectionType electionType() {
        return Params.enumValue(ElectionType.class, electionType, "electionType");
    }

    Integer electionYear() {
        return Params.integer(electionYear, "electionYear", 2004, 2100);
    }

    String region() {
        return region;
    }

    CaseSource source() {
        return Params.enumValue(CaseSource.class, source, "source");
    }
}
