package id.terpadu.team;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

import com.fasterxml.jackson.databind.JsonNode;

import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.error.Problem;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.security.Role;
import id.terpadu.team.TeamDtos.TeamMemberInput;
import id.terpadu.team.TeamDtos.TeamMemberResponse;

@Path("/api/v1/teams/{teamId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class TeamMemberResource {

    private final TeamService service;

    TeamMemberResource(TeamService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List the members of a team",
            description = "Members ordered by name, filtered by team role " + "and sub-team. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of members",
            content =
                    @Content(
                            schema = @Schema(ref = "TeamMemberPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = TeamExamples.MEMBERS_PAGE)))
    public Response list(
            @PathParam("teamId") UUID teamId, @BeanParam TeamMemberFilters filters, @BeanParam PageParams page) {
        return page.ok(service.members(teamId, filters.role(), filters.subTeam(), page.request()));
    }

    @GET
    @Path("{memberId}")
    @Operation(summary = "Get a team member", description = "One member with its ETag; If-None-Match gives 304.")
    @APIResponse(
            responseCode = "200",
            description = "The member",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamMemberResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "member", value = TeamExamples.MEMBER)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(
            @PathParam("teamId") UUID teamId, @PathParam("memberId") UUID memberId, @Context Request request) {
        TeamMemberResponse member = service.member(teamId, memberId);
        return ETags.conditionalGet(request, member);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Add a member to a team",
            description =
                    "Seats a person for an agency with a team role and "
                            + "optionally a sub-team. A team has at most one KETUA and one SEKRETARIS (409). ADMIN or COORDINATOR in scope.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "anggota", value = TeamExamples.MEMBER_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Added; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamMemberResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "member", value = TeamExamples.MEMBER)))
    public Response add(
            @PathParam("teamId") UUID teamId, @Valid @NotNull TeamMemberInput request, @Context UriInfo uri) {
        TeamMemberResponse created = service.addMember(teamId, request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{memberId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Replace a team member",
            description =
                    "Replaces every field of the member. If-Match is " + "required. ADMIN or COORDINATOR in scope.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "anggota", value = TeamExamples.MEMBER_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamMemberResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "member", value = TeamExamples.MEMBER)))
    public Response replace(
            @PathParam("teamId") UUID teamId,
            @PathParam("memberId") UUID memberId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TeamMemberInput request) {
        TeamMemberResponse updated = service.replaceMember(teamId, memberId, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{memberId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(summary = "Change some fields of a team member", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "TeamMemberInput"),
                            examples = @ExampleObject(name = "sub-team", value = TeamExamples.MEMBER_PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamMemberResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "member", value = TeamExamples.MEMBER)))
    public Response patch(
            @PathParam("teamId") UUID teamId,
            @PathParam("memberId") UUID memberId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        TeamMemberResponse updated = service.patchMember(teamId, memberId, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{memberId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Remove a team member",
            description = "Removes the member; the change log keeps a tombstone. "
                    + "If-Match is required. ADMIN or COORDINATOR in scope.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(
            @PathParam("teamId") UUID teamId,
            @PathParam("memberId") UUID memberId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.deleteMember(teamId, memberId, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{memberId}/history")
    @Operation(
            summary = "History of a team member",
            description = "Every change of the member, oldest first. " + "Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response history(
            @PathParam("teamId") UUID teamId, @PathParam("memberId") UUID memberId, @BeanParam PageParams page) {
        return page.ok(service.memberHistory(teamId, memberId, page.request()));
    }
}
