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
import id.terpadu.team.TeamDtos.TeamInput;
import id.terpadu.team.TeamDtos.TeamResponse;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Teams",
        description = "Tim Terpadu Penanganan Konflik Sosial at national, provincial and kabupaten/kota level")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class TeamResource {

    private final TeamService service;

    TeamResource(TeamService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List teams",
            description = "Teams visible in your region scope (the national team is visible "
                    + "to all), newest year first. Filters: level, region subtree, year. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of teams",
            content =
                    @Content(
                            schema = @Schema(ref = "TeamPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = TeamExamples.PAGE)))
    public Response list(@BeanParam TeamFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.level(), filters.region(), filters.year(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get a team",
            description = "One team with its ETag; 404 outside your region scope; "
                    + "If-None-Match gives 304. Members are listed at /teams/{id}/members.")
    @APIResponse(
            responseCode = "200",
            description = "The team",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "team", value = TeamExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        TeamResponse team = service.get(id);
        return ETags.conditionalGet(request, team);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Create a team",
            description = "Forms a team for a region and year (one per region per year). "
                    + "The level must match the region: no region for NASIONAL, a province for PROVINSI, a kabupaten or kota "
                    + "for KABUPATEN_KOTA. The name defaults from the region. ADMIN or COORDINATOR in scope.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "padang-pariaman", value = TeamExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "team", value = TeamExamples.RESPONSE)))
    public Response create(@Valid @NotNull TeamInput request, @Context UriInfo uri) {
        TeamResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Replace a team",
            description = "Replaces every field of the team (not its members). "
                    + "If-Match is required. ADMIN or COORDINATOR in scope.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "sumbar", value = TeamExamples.REPLACE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "team", value = TeamExamples.RESPONSE)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TeamInput request) {
        TeamResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(summary = "Change some fields of a team", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "TeamInput"),
                            examples = @ExampleObject(name = "decree", value = TeamExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = TeamDtos.TeamResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "team", value = TeamExamples.RESPONSE)))
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        TeamResponse updated = service.patch(id, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete a team",
            description = "Deletes the team and its members; the change log keeps a "
                    + "tombstone for each. If-Match is required. ADMIN or COORDINATOR in scope.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(id, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "History of a team",
            description = "Every change of the team, oldest first, with actor, "
                    + "agency, client, request id and the record after the change. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response history(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return page.ok(service.history(id, page.request()));
    }
}
