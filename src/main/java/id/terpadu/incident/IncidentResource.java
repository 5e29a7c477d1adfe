package id.terpadu.incident;

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
import jakarta.ws.rs.QueryParam;
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
import id.terpadu.common.error.Message;
import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.security.Role;
import id.terpadu.incident.IncidentDtos.ActivityInput;
import id.terpadu.incident.IncidentDtos.ActivityResponse;
import id.terpadu.incident.IncidentDtos.IncidentInput;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.incident.IncidentDtos.StageTransitionInput;
import id.terpadu.incident.IncidentDtos.StageTransitionResponse;
import id.terpadu.verification.Similar;
import id.terpadu.verification.SimilarParams;
import id.terpadu.verification.VerificationDtos.VerificationInput;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Incidents",
        description = "Conflict incidents and their handling through pencegahan, penghentian and pemulihan")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class IncidentResource {

    public static final String GEO_JSON = "application/geo+json";

    private final IncidentService service;

    IncidentResource(IncidentService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List incidents",
            description = "Incidents visible to you (region scope and classification), "
                    + "newest first by occurredAt or updatedAt, filtered by region subtree, category (with sub-categories), stage, "
                    + "severity, time, bounding box, lead agency, classification, Indonesian full text and verification; "
                    + "records verified DUPLIKAT are listed unless `duplicates=exclude`. Keyset-paginated. "
                    + "Ask for `Accept: application/geo+json` to get an RFC 7946 FeatureCollection.")
    @APIResponse(
            responseCode = "200",
            description = "A page of incidents",
            content = {
                @Content(
                        schema = @Schema(ref = "IncidentPage"),
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "page", value = IncidentExamples.PAGE)),
                @Content(
                        schema = @Schema(implementation = GeoJson.FeatureCollection.class),
                        mediaType = GEO_JSON,
                        examples = @ExampleObject(name = "features", value = IncidentExamples.FEATURES))
            })
    public Response list(
            @BeanParam IncidentListFilters filters,
            @Parameter(
                            description = "Records verified DUPLIKAT: `include` (default: the list is a working view, "
                                    + "where a duplicate is still to be seen and handled), `exclude` (each event once, "
                                    + "as statistics and exports count by default) or `only` (the duplicates alone)",
                            example = "exclude",
                            schema =
                                    @Schema(
                                            enumeration = {"exclude", "only", "include"},
                                            defaultValue = "include"))
                    @QueryParam("duplicates")
                    String duplicates,
            @BeanParam PageParams page,
            @Context HttpHeaders headers) {
        // two methods share this path (JSON and GeoJSON), and with no match for Accept the router falls back to this
        // one: refuse here what neither produces, as every other operation does
        if (headers.getAcceptableMediaTypes().stream()
                .noneMatch(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, Message.of("incident.not-acceptable"));
        }
        return page.ok(service.list(filters.query(IncidentQuery.Duplicates.ofList(duplicates)), page.request()));
    }

    @GET
    @Produces(GEO_JSON)
    @Operation(hidden = true)
    public Response listGeoJson(
            @BeanParam IncidentListFilters filters,
            @QueryParam("duplicates") String duplicates,
            @BeanParam PageParams page) {
        Page<IncidentResponse> result =
                service.list(filters.query(IncidentQuery.Duplicates.ofList(duplicates)), page.request());
        return Response.fromResponse(page.ok(result))
                .entity(GeoJson.of(result))
                .type(GEO_JSON)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get an incident",
            description = "One incident with its ETag; 404 outside your region scope "
                    + "or above your clearance; If-None-Match gives 304.")
    @APIResponse(
            responseCode = "200",
            description = "The incident",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        IncidentResponse incident = service.get(id);
        return ETags.conditionalGet(request, incident);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Report an incident",
            description = "Records an incident in a kabupaten/kota or finer, inside "
                    + "your scope. A field app may choose the id and should send an Idempotency-Key, so retries never create "
                    + "duplicates. Impact counts left out are unknown, never 0. `stage` is the first stage (default PENCEGAHAN). "
                    + "You may not classify above your own clearance.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = IncidentExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    public Response create(@Valid @NotNull IncidentInput request, @Context UriInfo uri) {
        IncidentResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Replace an incident",
            description = "Replaces every field but the stage (which moves only "
                    + "through stage-transitions). If-Match is required: a second editor with a stale ETag gets 412 and "
                    + "overwrites nothing. A closed (SELESAI) incident is final: reopen it first (409).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = IncidentExamples.INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull IncidentInput request) {
        IncidentResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(summary = "Change some fields of an incident", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "IncidentInput"),
                            examples = @ExampleObject(name = "severity", value = IncidentExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        IncidentResponse updated = service.patch(id, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete an incident",
            description = "Deletes a report made in error (with its activities and "
                    + "stage history); the change log keeps a tombstone. Refused while other reports are marked as its "
                    + "duplicates. If-Match is required. ADMIN or COORDINATOR.")
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
            summary = "History of an incident",
            description = "Every change of the incident, oldest first, with "
                    + "actor, agency, client, request id and the record after the change. Keyset-paginated.")
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

    @GET
    @Path("{id}/similar")
    @Operation(
            summary = "Likely duplicates of an incident",
            description = "Incidents that may report the same event as this one, to verify it as DUPLIKAT of the "
                    + "original (POST …/verification). "
                    + "Candidates lie in the same province (those of the same kabupaten/kota rank higher), in the same "
                    + "category family (the category, its parent and their sub-categories) and within "
                    + "terpadu.similar.window-hours (72 by default) of its occurredFrom; they are ranked by a score from 0 to 1: "
                    + "0.6 × the trigram similarity of the texts (typos and reworded titles still match) + 0.2 × "
                    + "nearness in time + 0.1 same kabupaten/kota + 0.1 same category (0.05 related). `reasons` says "
                    + "what agreed. Only records you may read are candidates (region scope and classification, as in "
                    + "the lists); 404 when you may not read the record itself.")
    @APIResponse(
            responseCode = "200",
            description = "The candidates, best first",
            content =
                    @Content(
                            schema = @Schema(implementation = Similar.Answer.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "likely duplicates", value = IncidentExamples.SIMILAR)))
    public Similar.Answer similar(@PathParam("id") UUID id, @BeanParam SimilarParams params) {
        return service.similar(id, params.limit());
    }

    @GET
    @Path("{id}/links")
    @Operation(
            summary = "Links of an incident",
            description = "The early warnings it was escalated from, the report "
                    + "it duplicates, the reports marked as its duplicates (both kept; those you may see, at most 200) and its "
                    + "conflict status.")
    @APIResponse(
            responseCode = "200",
            description = "The links",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.Links.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "links", value = IncidentExamples.LINKS)))
    public IncidentDtos.Links links(@PathParam("id") UUID id) {
        return service.links(id);
    }

    @POST
    @Path("{id}/stage-transitions/reopening")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Reopen a closed incident",
            description = "Opens an incident in SELESAI again, in the stage it was closed from or the one in `to` "
                    + "(PENCEGAHAN, PENGHENTIAN or PEMULIHAN), when it proves not to be over. SELESAI stays final for "
                    + "the stage transitions: reopening is its own operation, for a COORDINATOR or ADMIN of the "
                    + "incident's region or above, with a mandatory reason. It is a transition SELESAI → `to` in the "
                    + "stage history (with the reason, who and when), and a version of the incident whose "
                    + "`reopeningReason` holds the reason, so its history, the change feed and webhooks carry it like "
                    + "any change. An incident not in SELESAI is a 409. If-Match is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "flare-up", value = IncidentExamples.REOPENING)))
    @APIResponse(
            responseCode = "200",
            description = "The incident open again; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    public Response reopen(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull IncidentDtos.ReopeningInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        return Answers.ok(service.reopen(id, expected, request));
    }

    @GET
    @Path("{id}/stage-transitions")
    @Operation(
            summary = "Stage history of an incident",
            description = "Every move between stages in the order they took effect, with its reason, when it took "
                    + "effect and when it was recorded. An incident has a handful, so one page holds them all.")
    @APIResponse(
            responseCode = "200",
            description = "The transitions",
            content =
                    @Content(
                            schema = @Schema(ref = "StageTransitionPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "transitions", value = IncidentExamples.TRANSITIONS)))
    public Page<StageTransitionResponse> transitions(@PathParam("id") UUID id) {
        return new Page<>(service.transitions(id), null);
    }

    @POST
    @Path("{id}/stage-transitions")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Move an incident to another stage",
            description = "PENCEGAHAN → PENGHENTIAN when violence "
                    + "occurs; PENGHENTIAN → PEMULIHAN when it has stopped; PEMULIHAN → PENGHENTIAN when it flares up again; any "
                    + "open stage → SELESAI with a closing summary. Any other move is a 409 whose `allowed` lists the possible "
                    + "stages. A move recorded late (the coordinator learnt of it from an officer who was offline) gives `transitionedAt`, when "
                    + "it happened, so that the activities of the time between are judged by the stage they were "
                    + "done in; it is not placed before the last move or before an activity of the stage it "
                    + "leaves (409). If-Match is optional and checked when sent. ADMIN or COORDINATOR (the "
                    + "team secretariat).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "violence", value = IncidentExamples.VIOLENCE),
                                @ExampleObject(name = "close", value = IncidentExamples.CLOSE)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The incident in its new stage; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    public Response transition(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull StageTransitionInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        IncidentResponse updated = service.transition(id, expected, request);
        return Answers.ok(updated);
    }

    @POST
    @Path("{id}/verification")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Verify an incident",
            description = "Records that the report was checked, how and with what result: TERVERIFIKASI, "
                    + "TIDAK_VALID, DUPLIKAT (with `duplicateOf`, which becomes the incident's `duplicateOf`) or "
                    + "BUKAN_WEWENANG (forwarded; say where in `note`). The state moves BELUM_DIVERIFIKASI → any "
                    + "other; TERVERIFIKASI → TERVERIFIKASI (a confirmation), TIDAK_VALID, DUPLIKAT or BUKAN_WEWENANG; "
                    + "TIDAK_VALID, DUPLIKAT, BUKAN_WEWENANG → TERVERIFIKASI. Any other move is a 409 whose `allowed` "
                    + "lists the possible states. If-Match is required: you verify the version you read. The "
                    + "incident's author may not verify it (403). Every verification is a version in the history; "
                    + "lists, GeoJSON, statistics and exports filter by `verification`. ADMIN, COORDINATOR or OFFICER "
                    + "within the incident's region.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "verified", value = IncidentExamples.VERIFICATION)))
    @APIResponse(
            responseCode = "200",
            description = "The incident with its verification; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "incident", value = IncidentExamples.RESPONSE)))
    public Response verify(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, required = true, example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull VerificationInput request) {
        return Answers.ok(service.verify(id, ETags.requireIfMatch(ifMatch), request));
    }

    @GET
    @Path("{id}/activities")
    @Operation(
            summary = "List the activities of an incident",
            description = "What was done, by which agency, when, "
                    + "with what outcome, oldest first; filter by stage. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of activities",
            content =
                    @Content(
                            schema = @Schema(ref = "ActivityPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = IncidentExamples.ACTIVITIES_PAGE)))
    public Response activities(
            @PathParam("id") UUID id, @BeanParam ActivityFilters filters, @BeanParam PageParams page) {
        return page.ok(service.activities(id, filters.stage(), page.request()));
    }

    @GET
    @Path("{id}/activities/{activityId}")
    @Operation(summary = "Get an activity", description = "One activity of the incident with its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The activity",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.ActivityResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "activity", value = IncidentExamples.ACTIVITY)))
    public Response activity(
            @PathParam("id") UUID id, @PathParam("activityId") UUID activityId, @Context Request request) {
        ActivityResponse activity = service.activity(id, activityId);
        return ETags.conditionalGet(request, activity);
    }

    @PUT
    @Idempotent
    @Path("{id}/activities/{activityId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Correct an activity",
            description = "Corrects an activity's type, agency, time, description or outcome. A new type or time is "
                    + "judged as a new activity is (409 lists the types that fit); a correction of the text alone keeps "
                    + "the stage the activity was recorded in. If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "retimed", value = IncidentExamples.ACTIVITY_CORRECTION)))
    @APIResponse(
            responseCode = "200",
            description = "Corrected; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.ActivityResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "activity", value = IncidentExamples.ACTIVITY)))
    public Response correctActivity(
            @PathParam("id") UUID id,
            @PathParam("activityId") UUID activityId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ActivityInput request) {
        return Answers.ok(service.correctActivity(id, activityId, ETags.requireIfMatch(ifMatch), request));
    }

    @POST
    @Path("{id}/activities")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Record an activity",
            description = "Records what an agency did. The activity type must "
                    + "belong to the stage the incident was in at the activity's occurredAt, read from its stage "
                    + "transitions (e.g. the PP 2/2015 Ps 9 emergency actions during PENGHENTIAN, "
                    + "rekonsiliasi during PEMULIHAN), so a report made offline and synced after the stage moved on "
                    + "keeps its meaning; before the first transition (or before the incident was reported) the stage "
                    + "it started in counts. Otherwise a 409 lists the types of the stage of that time (none after "
                    + "SELESAI).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "evacuation", value = IncidentExamples.EVACUATION)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentDtos.ActivityResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "activity", value = IncidentExamples.ACTIVITY_RECORDED)))
    public Response addActivity(@PathParam("id") UUID id, @Valid @NotNull ActivityInput request, @Context UriInfo uri) {
        ActivityResponse created = service.addActivity(id, request);
        return Answers.created(uri, created);
    }
}
