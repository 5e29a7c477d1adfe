package id.terpadu.earlywarning;

import java.util.List;
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
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import id.terpadu.earlywarning.WarningDtos.EarlyWarningInput;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningResponse;
import id.terpadu.earlywarning.WarningDtos.EscalationInput;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.verification.Similar;
import id.terpadu.verification.SimilarParams;
import id.terpadu.verification.VerificationDtos.VerificationInput;

@Path("/api/v1/early-warnings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Early warnings",
        description = "Deteksi dini: potential conflicts, their risk, and their escalation into incidents")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class WarningResource {

    private static final MediaType CAP = MediaType.valueOf(CapAlert.MEDIA_TYPE);
    /** The formats of one warning, JSON first: what a client that accepts anything gets. */
    private static final List<Variant> FORMATS =
            Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CAP).build();

    /** RFC 7946 GeoJSON, as the incidents' list gives it. */
    static final String GEO_JSON = "application/geo+json";

    private final WarningService service;
    private final CapAlerts alerts;

    WarningResource(WarningService service, CapAlerts alerts) {
        this.service = service;
        this.alerts = alerts;
    }

    @GET
    @Operation(
            summary = "List early warnings",
            description = "Warnings visible to you (region scope and "
                    + "classification), most recently changed first, filtered by region subtree, category (with sub-categories), "
                    + "status, risk level, classification, verification state, the time the sign was observed (`from`, "
                    + "`to`), a bounding box over their point and Indonesian full text (`q`). Keyset-paginated. "
                    + "Ask for `Accept: application/geo+json` to get an RFC 7946 FeatureCollection of those with a point "
                    + "(the same filters and page size; a warning without a point is left out of it).")
    @APIResponse(
            responseCode = "200",
            description = "A page of warnings",
            content = {
                @Content(
                        schema = @Schema(ref = "EarlyWarningPage"),
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "page", value = WarningExamples.PAGE)),
                @Content(
                        schema = @Schema(implementation = WarningGeoJson.FeatureCollection.class),
                        mediaType = GEO_JSON,
                        examples = @ExampleObject(name = "features", value = WarningExamples.FEATURES))
            })
    public Response list(@BeanParam WarningFilters filters, @BeanParam PageParams page, @Context HttpHeaders headers) {
        // two methods share this path (JSON and GeoJSON), and with no match for Accept the router falls back to this
        // one: refuse here what neither produces, as every other operation does
        if (headers.getAcceptableMediaTypes().stream()
                .noneMatch(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, Message.of("warning.not-acceptable"));
        }
        return page.ok(service.list(filters.query(), false, page.request()));
    }

    @GET
    @Produces(GEO_JSON)
    @Operation(hidden = true)
    public Response listGeoJson(@BeanParam WarningFilters filters, @BeanParam PageParams page) {
        Page<EarlyWarningResponse> result = service.list(filters.query(), true, page.request());
        return Response.fromResponse(page.ok(result))
                .entity(WarningGeoJson.of(result))
                .type(GEO_JSON)
                .build();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, CapAlert.MEDIA_TYPE})
    @Operation(
            summary = "Get an early warning, as JSON or as a CAP 1.2 alert",
            description = "One warning with its "
                    + "ETag; 404 outside your scope or above your clearance.\n\n"
                    + "With `Accept: application/cap+xml` the current version comes as an OASIS CAP 1.2 alert "
                    + "(namespace urn:oasis:names:tc:emergency:cap:1.2) under the same scope and clearance rules. Its "
                    + "`identifier` names the version, `sent` is when that version was recorded (UTC, +00:00), `sender` is "
                    + "the configured `terpadu.cap.sender`, and an Update or Cancel lists every earlier version in "
                    + "`references` (sender,identifier,sent). Its ETag is a digest of the document. The current public "
                    + "alerts are listed in the Atom feed GET /api/v1/alerts.atom.\n\n" + CapMapping.TABLE)
    @APIResponse(
            responseCode = "200",
            description = "The warning (JSON) or its current version as a CAP alert",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = EarlyWarningResponse.class),
                        examples = @ExampleObject(name = "warning", value = WarningExamples.RESPONSE)),
                @Content(
                        mediaType = CapAlert.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "cap", value = WarningExamples.CAP))
            })
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        // One method for both formats, so that the framework answers anything else with a 406.
        Variant format = request.selectVariant(FORMATS);
        boolean cap = format != null && format.getMediaType().isCompatible(CAP);
        Response response;
        if (cap) {
            byte[] alert = AlertXml.cap(alerts.alert(id));
            response = ETags.conditionalGet(request, ETags.ofContent(alert), alert);
        } else {
            EarlyWarningResponse warning = service.get(id);
            response = ETags.conditionalGet(request, warning);
        }
        Response.ResponseBuilder answer = Response.fromResponse(response).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (response.hasEntity()) {
            answer.type((cap ? CAP : MediaType.APPLICATION_JSON_TYPE).withCharset("UTF-8"));
        }
        return answer.build();
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Raise an early warning",
            description = "Records a potential conflict at any region level "
                    + "inside your scope. The risk level follows from likelihood × impact (1–6 RENDAH, 7–12 SEDANG, 13–25 "
                    + "TINGGI; reference kind risk-levels).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pilkada", value = WarningExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = WarningDtos.EarlyWarningResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "warning", value = WarningExamples.RESPONSE)))
    public Response create(@Valid @NotNull EarlyWarningInput request, @Context UriInfo uri) {
        EarlyWarningResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Replace an early warning",
            description = "Replaces every field; `status` may move along "
                    + "TERIDENTIFIKASI → DIPANTAU/DITANGANI/REDA, DIPANTAU ⇄ DITANGANI, → REDA, REDA → DIPANTAU (409 lists the "
                    + "allowed ones). If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pilkada", value = WarningExamples.INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = WarningDtos.EarlyWarningResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "warning", value = WarningExamples.RESPONSE)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull EarlyWarningInput request) {
        EarlyWarningResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(summary = "Change some fields of an early warning", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "EarlyWarningInput"),
                            examples = @ExampleObject(name = "likelihood", value = WarningExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = WarningDtos.EarlyWarningResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "warning", value = WarningExamples.RESPONSE)))
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        EarlyWarningResponse updated = service.patch(id, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete an early warning that was never issued",
            description = "CAP 1.2 withdraws a message that was sent with a Cancel that references it, never by "
                    + "erasing it. So only a draft is deleted: a PUBLIC warning none of whose versions was ever "
                    + "published (each rendered as a CAP Draft, sent to nobody), with its tasks and links; the change "
                    + "log keeps a tombstone. A warning that was issued (any RESTRICTED or CONFIDENTIAL one, which is "
                    + "an Actual message to the teams from its first version, or a PUBLIC one once published) or "
                    + "escalated is a 409: cancel it instead with status REDA (PUT or PATCH) or a verification as "
                    + "TIDAK_VALID or DUPLIKAT, each a CAP Cancel. Refused too while another warning is verified as its "
                    + "duplicate. If-Match is required. ADMIN or COORDINATOR.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(id, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/similar")
    @Operation(
            summary = "Likely duplicates of an early warning",
            description = "Early warnings that may concern the same situation as this one, to verify it as DUPLIKAT "
                    + "of the original (POST …/verification). "
                    + "Candidates lie in the same province (those of the same kabupaten/kota rank higher), in the same "
                    + "category family (the category, its parent and their sub-categories) and within "
                    + "terpadu.similar.window-hours (72 by default) of when it was raised; they are ranked by a score from 0 to 1: "
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
                            examples =
                                    @ExampleObject(
                                            name = "likely duplicate warnings",
                                            value = WarningExamples.SIMILAR)))
    public Similar.Answer similar(@PathParam("id") UUID id, @BeanParam SimilarParams params) {
        return service.similar(id, params.limit());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "History of an early warning", description = "Every change, oldest first. Keyset-paginated.")
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

    @POST
    @Path("{id}/escalate")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Escalate a warning into an incident",
            description = "Creates the incident the warning grew "
                    + "into (by default in PENGHENTIAN, in the warning's region, with its title, category, parties and "
                    + "classification), links the two and sets the warning to ESKALASI, all in one transaction.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "escalation", value = WarningExamples.ESCALATION)))
    @APIResponse(
            responseCode = "201",
            description = "The new incident; Location points to it",
            content =
                    @Content(
                            schema = @Schema(implementation = IncidentResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "escalated", value = WarningExamples.ESCALATED)))
    public Response escalate(@PathParam("id") UUID id, @Valid @NotNull EscalationInput request, @Context UriInfo uri) {
        IncidentResponse incident = service.escalate(id, request);
        // the incident lives among the incidents, not below the warning
        return Answers.created(
                uri.getBaseUriBuilder().path("/api/v1/incidents/{id}").build(incident.id()), incident);
    }

    @POST
    @Path("{id}/verification")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Verify an early warning",
            description = "Records that the warning was checked, how and with what result: TERVERIFIKASI, "
                    + "TIDAK_VALID, DUPLIKAT (with `duplicateOf`) or BUKAN_WEWENANG (forwarded; say where in `note`). "
                    + "The state moves BELUM_DIVERIFIKASI → any other; TERVERIFIKASI → TERVERIFIKASI (a confirmation), "
                    + "TIDAK_VALID, DUPLIKAT or BUKAN_WEWENANG; TIDAK_VALID, DUPLIKAT, BUKAN_WEWENANG → TERVERIFIKASI. "
                    + "Any other move is a 409 whose `allowed` lists the possible states. If-Match is required: you "
                    + "verify the version you read.\n\n"
                    + "Four eyes: the warning's author may not verify it (403). A PUBLIC warning is published (CAP "
                    + "scope Public, the Atom feed) only once TERVERIFIKASI by someone other than its author, and for "
                    + "risk TINGGI by a COORDINATOR or ADMIN of its region or above; a warning that started verified "
                    + "by the rule of its source needs that confirmation too. A change of what the warning says by "
                    + "its author lapses the confirmation. Every verification is a version in the history. ADMIN, "
                    + "COORDINATOR or OFFICER within the warning's region.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "verified", value = WarningExamples.VERIFICATION)))
    @APIResponse(
            responseCode = "200",
            description = "The warning with its verification; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = WarningDtos.EarlyWarningResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "warning", value = WarningExamples.RESPONSE)))
    public Response verify(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, required = true, example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull VerificationInput request) {
        return Answers.ok(service.verify(id, ETags.requireIfMatch(ifMatch), request));
    }
}
