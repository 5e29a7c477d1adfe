package id.terpadu.meeting;

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
import id.terpadu.meeting.MeetingDtos.MeetingInput;
import id.terpadu.meeting.MeetingDtos.MeetingResponse;

@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Meetings",
        description = "Coordination meetings (rapat koordinasi) of a Tim Terpadu, their attendees, "
                + "minutes, linked incidents and early warnings, and decisions followed up to the end")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class MeetingResource {

    private final MeetingService service;

    MeetingResource(MeetingService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List meetings",
            description =
                    "Meetings of the teams in your region scope, latest first, "
                            + "filtered by team, kind, time range and region subtree. Each carries its decisions. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of meetings",
            content =
                    @Content(
                            schema = @Schema(ref = "MeetingPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = MeetingExamples.PAGE)))
    public Response list(@BeanParam MeetingFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(
                filters.teamId(), filters.kind(), filters.from(), filters.to(), filters.region(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get a meeting",
            description = "One meeting with attendees, minutes, the linked incidents and "
                    + "early warnings you may see, its decisions and its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The meeting",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.MeetingResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "meeting", value = MeetingExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        MeetingResponse meeting = service.get(id);
        return ETags.conditionalGet(request, meeting);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Record a meeting",
            description = "Records a team's coordination meeting. Linked incidents and "
                    + "early warnings must be visible to you and lie in the team's region; a DIWAKILI attendee names the "
                    + "representative. ADMIN or COORDINATOR whose scope covers the team.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "padang", value = MeetingExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.MeetingResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "meeting", value = MeetingExamples.RESPONSE)))
    public Response create(@Valid @NotNull MeetingInput request, @Context UriInfo uri) {
        MeetingResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Replace a meeting",
            description = "Replaces every field and the links (not the decisions); "
                    + "the team is fixed. If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "padang", value = MeetingExamples.INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.MeetingResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "meeting", value = MeetingExamples.RESPONSE)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull MeetingInput request) {
        MeetingResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(summary = "Change some fields of a meeting", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "MeetingInput"),
                            examples = @ExampleObject(name = "room", value = MeetingExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.MeetingResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "meeting", value = MeetingExamples.RESPONSE)))
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        MeetingResponse updated = service.patch(id, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete a meeting",
            description = "Deletes the meeting and its decisions (each keeps a "
                    + "tombstone in the change log). If-Match is required.")
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
            summary = "History of a meeting",
            description = "Every change of the meeting, oldest first (without its "
                    + "links and decisions, which have their own history). Keyset-paginated.")
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
