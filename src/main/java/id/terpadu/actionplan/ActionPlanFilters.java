package id.terpadu.actionplan;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;
import id.terpadu.team.TeamLevel;

/**
 * The filters of the action-plan list as sent ({@code @BeanParam ActionPlanFilters filters}), each documented with the
 * type and bounds its accessor (or the service, for the region) enforces.
 */
public class ActionPlanFilters {

    @QueryParam("teamId")
    @Parameter(
            description = "Only this team's plans",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String teamId;

    @QueryParam("year")
    @Parameter(
            description = "Plan year",
            example = "2024",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2012", maximum = "2100"))
    String year;

    @QueryParam("level")
    @Parameter(schema = @Schema(implementation = TeamLevel.class))
    String level;

    @QueryParam("region")
    @Parameter(
            description = "Region code of the team; the region and everything below it",
            example = "13",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    UUID teamId() {
        return Params.uuid(teamId, "teamId");
    }

    Integer year() {
        return Params.integer(year, "year", 2012, 2100);
    }

    TeamLevel level() {
        return Params.enumValue(TeamLevel.class, level, "level");
    }

    String region() {
        return region;
    }
}
