package id.terpadu.team;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the team list as sent ({@code @BeanParam TeamFilters filters}), each documented with the type and
 * bounds its accessor (or the service, for the region) enforces.
 */
public class TeamFilters {

    @QueryParam("level")
    @Parameter(description = "Team level", schema = @Schema(implementation = TeamLevel.class))
    String level;

    @QueryParam("region")
    @Parameter(
            description = "Region code; matches the region and everything below it",
            example = "19",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    @QueryParam("year")
    @Parameter(
            description = "Year",
            example = "2023",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2012", maximum = "2100"))
    String year;

    TeamLevel level() {
        return Params.enumValue(TeamLevel.class, level, "level");
    }

    String region() {
        return region;
    }

    Integer year() {
        return Params.integer(year, "year", 2012, 2100);
    }
}
