package id.terpadu.team;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of a team's member list as sent ({@code @BeanParam TeamMemberFilters filters}), each documented with
 * the values its accessor accepts.
 */
public class TeamMemberFilters {

    @QueryParam("role")
    @Parameter(description = "Team role", schema = @Schema(implementation = TeamRole.class))
    String role;

    @QueryParam("subTeam")
    @Parameter(description = "Sub-team", schema = @Schema(implementation = SubTeam.class))
    String subTeam;

    TeamRole role() {
        return Params.enumValue(TeamRole.class, role, "role");
    }

    SubTeam subTeam() {
        return Params.enumValue(SubTeam.class, subTeam, "subTeam");
    }
}
