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

import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.error.Problem;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.meeting.MeetingDtos.DecisionInput;
import id.terpadu.meeting.MeetingDtos.DecisionReopeningInput;
import id.terpadu.meeting.MeetingDtos.DecisionResponse;
import id.terpadu.meeting.MeetingDtos.FollowUpInput;

/** A meeting's decisions: each with an owner agency and a due date, followed up to the end. */
@Path("/api/v1/meetings/{id}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class MeetingDecisionResource {

    // Operation ids are part of the contract (generated clients name their methods after them): these operations
    // keep the ids they were published with, from when they were part of MeetingResource.

    private final MeetingService service;

    MeetingDecisionResource(MeetingService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            operationId = "MeetingResource_addDecision",
            summary = "Record a decision of a meeting",
            description = "What an owner agency is to do, due on a day " + "not before the meeting; it starts OPEN.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decision", value = MeetingExamples.DECISION_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.DecisionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decision", value = MeetingExamples.DECISION)))
    public Response addDecision(@PathParam("id") UUID id, @Valid @NotNull DecisionInput request, @Context UriInfo uri) {
        DecisionResponse created = service.addDecision(id, request);
        return Answers.created(uri, created);
    }

    @GET
    @Path("/{decisionId}")
    @Operation(
            operationId = "MeetingResource_decision",
            summary = "Get a decision",
            description = "One decision with its follow-ups, whether it is overdue, and its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The decision",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.DecisionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decision", value = MeetingExamples.DECISION)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response decision(
            @PathParam("id") UUID id, @PathParam("decisionId") UUID decisionId, @Context Request request) {
        DecisionResponse decision = service.decision(id, decisionId);
        return ETags.conditionalGet(request, decision);
    }

    @PUT
    @Idempotent
    @Path("/{decisionId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Correct a decision",
            description = "Corrects an open decision's text, re-dates it (not before the meeting) or gives it to "
                    + "another agency (it starts again OPEN; its follow-ups stay). A DONE or DROPPED decision is final "
                    + "(409). If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "redate", value = MeetingExamples.DECISION_CORRECTION)))
    @APIResponse(
            responseCode = "200",
            description = "Corrected; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.DecisionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decision", value = MeetingExamples.DECISION)))
    public Response correctDecision(
            @PathParam("id") UUID id,
            @PathParam("decisionId") UUID decisionId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull DecisionInput request) {
        return Answers.ok(service.correctDecision(id, decisionId, ETags.requireIfMatch(ifMatch), request));
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("/{decisionId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete a decision recorded by mistake",
            description = "Only while nothing was reported against it: a decision that was followed up is DROPPED "
                    + "with a note instead (409). The history keeps its deletion. If-Match is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteDecision(
            @PathParam("id") UUID id,
            @PathParam("decisionId") UUID decisionId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.deleteDecision(id, decisionId, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{decisionId}/history")
    @Operation(
            operationId = "MeetingResource_decisionHistory",
            summary = "History of a decision",
            description = "Every change and follow-up, oldest first. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response decisionHistory(
            @PathParam("id") UUID id, @PathParam("decisionId") UUID decisionId, @BeanParam PageParams page) {
        return page.ok(service.decisionHistory(id, decisionId, page.request()));
    }

    @POST
    @Path("/{decisionId}/follow-ups")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            operationId = "MeetingResource_followUp",
            summary = "Follow a decision up",
            description = "OPEN → IN_PROGRESS → DONE, or DROPPED with a note; a "
                    + "note alone (same status) records progress. The owner agency's OFFICER or the secretariat. A forbidden "
                    + "move is 409 listing the allowed ones. If-Match is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "progress", value = MeetingExamples.PROGRESS),
                                @ExampleObject(name = "done", value = MeetingExamples.DONE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The decision after the follow-up",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.DecisionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decision", value = MeetingExamples.DECISION)))
    public Response followUp(
            @PathParam("id") UUID id,
            @PathParam("decisionId") UUID decisionId,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull FollowUpInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        DecisionResponse updated = service.followUp(id, decisionId, expected, request);
        return Answers.ok(updated);
    }

    @POST
    @Path("/{decisionId}/follow-ups/reopening")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Reopen a decision marked DONE or DROPPED by mistake",
            description = "Moves a DONE or DROPPED decision back to IN_PROGRESS when it proves not done, or dropped "
                    + "in error. DONE and DROPPED stay final for the follow-ups: reopening is its own operation, for a "
                    + "COORDINATOR or ADMIN whose scope may write the meeting's region, with a mandatory reason. "
                    + "IN_PROGRESS rather than OPEN: a decision becomes final only by a follow-up, so it was in hand, "
                    + "and IN_PROGRESS is the state just before the final ones, as the other reopenings go back to "
                    + "theirs; OPEN is for a decision nobody took up yet. Its follow-up then goes on (DONE again, or "
                    + "DROPPED with a note). The move is a follow-up IN_PROGRESS whose note is the reason, and the "
                    + "decision keeps `reopeningReason`, `reopenedAt` and `reopenedBy`; its new version carries them "
                    + "to its history, the change feed and webhooks. The agency the decision is given to follows it up "
                    + "but does not reopen it (403). A decision still OPEN or IN_PROGRESS is a 409 listing the "
                    + "follow-ups it allows. If-Match is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "marked-by-mistake", value = MeetingExamples.REOPENING)))
    @APIResponse(
            responseCode = "200",
            description = "The decision IN_PROGRESS again; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = MeetingDtos.DecisionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "reopened", value = MeetingExamples.DECISION_REOPENED)))
    public Response reopenDecision(
            @PathParam("id") UUID id,
            @PathParam("decisionId") UUID decisionId,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull DecisionReopeningInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        return Answers.ok(service.reopenDecision(id, decisionId, expected, request));
    }
}
