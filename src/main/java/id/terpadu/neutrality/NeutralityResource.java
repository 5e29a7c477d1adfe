package id.terpadu.neutrality;

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
import id.terpadu.neutrality.NeutralityDtos.CaseInput;
import id.terpadu.neutrality.NeutralityDtos.CaseResponse;
import id.terpadu.neutrality.NeutralityDtos.SanctionReopeningInput;
import id.terpadu.neutrality.NeutralityDtos.TransitionInput;

@Path("/api/v1/neutrality-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Neutrality cases",
        description = "ASN neutrality cases (SKB 2022): findings and reports about civil "
                + "servants in an election, handled per person from receipt to sanction. Names are personal data: masked "
                + "for ANALYST and INTEGRATION callers and for OFFICERs of other agencies.")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class NeutralityResource {

    private final NeutralityService service;

    NeutralityResource(NeutralityService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List neutrality cases",
            description = "Cases in your region scope, latest received first, "
                    + "filtered by election, region subtree, source and the status of any of their persons. Names are masked "
                    + "unless you may read them. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of cases",
            content =
                    @Content(
                            schema = @Schema(ref = "NeutralityCasePage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = NeutralityExamples.PAGE)))
    public Response list(@BeanParam NeutralityCaseFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(
                filters.electionType(),
                filters.electionYear(),
                filters.region(),
                filters.source(),
                filters.status(),
                page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get a neutrality case",
            description = "One case with its persons, their handling, counts per "
                    + "status and the ETag. Names are masked unless you may read them (personalDataVisible).")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        CaseResponse c = service.get(id);
        return ETags.conditionalGet(request, c);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Record a neutrality case",
            description = "A finding (TEMUAN) or a report (LAPORAN, which may "
                    + "name its reporter) about one or more civil servants in an election, with violation forms from the SKB "
                    + "list (GET /api/v1/reference/asn-violation-forms). Every person starts DITERIMA. ADMIN or COORDINATOR in "
                    + "scope, or an OFFICER of the handling agency.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = NeutralityExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response create(@Valid @NotNull CaseInput request, @Context UriInfo uri) {
        CaseResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(
            summary = "Replace a neutrality case",
            description = "Replaces the case's own fields (persons must be "
                    + "absent; they are added and moved by their own operations). If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = NeutralityExamples.REPLACE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseInput request) {
        CaseResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Operation(summary = "Change some fields of a neutrality case", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "NeutralityCaseInput"),
                            examples = @ExampleObject(name = "evidence", value = NeutralityExamples.PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        CaseResponse updated = service.patch(id, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @POST
    @Path("{id}/transitions")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
    @Idempotent
    @Operation(
            summary = "Move civil servants along the handling flow",
            description = "Moves the listed persons, all or "
                    + "none, along DITERIMA → KAJIAN → BUKAN_PELANGGARAN or REKOMENDASI → SANKSI_DIJATUHKAN or "
                    + "TIDAK_DITINDAKLANJUTI (409 listing the allowed moves otherwise). A REKOMENDASI names the body the law "
                    + "gives for its date: KASN until 2024-08-31, BKN from 2024-09-01 (reference neutrality-recipients), "
                    + "POLRI or GAKKUMDU for a suspected election crime, PPK for the sanction. If-Match is optional and "
                    + "checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "study", value = NeutralityExamples.STUDY),
                                @ExampleObject(name = "toBkn", value = NeutralityExamples.TO_BKN),
                                @ExampleObject(name = "sanction", value = NeutralityExamples.SANCTION)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The case after the move",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response transition(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TransitionInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        CaseResponse updated = service.transition(id, expected, request);
        return Answers.ok(updated);
    }

    @POST
    @Path("{id}/transitions/reopening")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Reopen an imposed sanction",
            description = "Moves a person in SANKSI_DIJATUHKAN back to REKOMENDASI, the state before it, when the "
                    + "sanction proves wrong (annulled on appeal, imposed on the wrong person). SANKSI_DIJATUHKAN stays "
                    + "final for the transitions: reopening is its own operation, for a COORDINATOR or ADMIN of the "
                    + "case's region or above, with a mandatory reason. The sanction and its day are cleared (the "
                    + "history keeps them); the person keeps `reopeningReason`, `reopenedAt` and `reopenedBy`, and the "
                    + "case's new version carries them to its history, the change feed and webhooks. A person not in "
                    + "SANKSI_DIJATUHKAN is a 409. If-Match (the case's ETag) is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "appeal", value = NeutralityExamples.SANCTION_REOPENING)))
    @APIResponse(
            responseCode = "200",
            description = "The case with the person back in REKOMENDASI; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = NeutralityDtos.CaseResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "case", value = NeutralityExamples.RESPONSE)))
    public Response reopenSanction(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull SanctionReopeningInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        return Answers.ok(service.reopenSanction(id, expected, request));
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete a neutrality case where nothing was decided",
            description = "Deletes a case recorded by mistake, with its persons and attachments, while every person "
                    + "is still DITERIMA or KAJIAN. A case with a recommendation, a sanction or a finding of no "
                    + "violation is part of the record of what was done: 409. The change log keeps a tombstone, which "
                    + "the change feed and webhooks carry. If-Match is required.")
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
            summary = "History of a neutrality case",
            description = "Every change of the case, oldest first. The "
                    + "change log keeps names masked, whoever reads it. Keyset-paginated.")
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
