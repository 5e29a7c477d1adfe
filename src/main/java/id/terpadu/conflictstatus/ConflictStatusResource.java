package id.terpadu.conflictstatus;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.conflictstatus.StatusDtos.ConflictStatusInput;
import id.terpadu.conflictstatus.StatusDtos.ConflictStatusResponse;
import id.terpadu.conflictstatus.StatusDtos.ExtensionInput;
import id.terpadu.conflictstatus.StatusDtos.RevocationInput;
import id.terpadu.conflictstatus.StatusDtos.TniAssistanceInput;
import id.terpadu.conflictstatus.StatusDtos.TniAssistanceResponse;
import id.terpadu.conflictstatus.StatusDtos.TniEndingInput;

@Path("/api/v1/conflict-statuses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Conflict statuses",
        description = "Status Keadaan Konflik (UU 7/2012 Ps 14–25) and TNI assistance under it")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class ConflictStatusResource {

    /** Said of the operations whose examples carry dates the law ties to the status's term. */
    private static final String DEMO_DATES =
            " The example's dates are of 2024: in the development demo data the status "
                    + "runs from a week before the day it was loaded, for 30 days, so replace them with days within that term "
                    + "(today, say).";

    private final ConflictStatusService service;

    ConflictStatusResource(ConflictStatusService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List conflict statuses",
            description =
                    "Statuses visible in your region scope, latest start "
                            + "first, filtered by scale and region subtree; each says whether it is in force today. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of statuses",
            content =
                    @Content(
                            schema = @Schema(ref = "ConflictStatusPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = ConflictStatusExamples.PAGE)))
    public Response list(@BeanParam ConflictStatusFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.scale(), filters.region(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get a conflict status",
            description = "One status with its extensions, effective end, state "
                    + "(BELUM_BERLAKU, DITETAPKAN, DIPERPANJANG, DICABUT, BERAKHIR) and ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The status",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.ConflictStatusResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status", value = ConflictStatusExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        ConflictStatusResponse status = service.get(id);
        return ETags.conditionalGet(request, status);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Record a declared conflict status",
            description = "Records a Status Keadaan Konflik as "
                    + "declared by the bupati/wali kota, gubernur or President after consulting the DPRD/DPR leaders. The "
                    + "scale matches the region's level, the term lasts at most 90 days, and a region has one status at a time "
                    + "(409). Every refusal names its legal basis.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = ConflictStatusExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.ConflictStatusResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status", value = ConflictStatusExamples.RESPONSE)))
    public Response declare(@Valid @NotNull ConflictStatusInput request, @Context UriInfo uri) {
        ConflictStatusResponse created = service.declare(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Correct a conflict status",
            description = "Corrects a mistyped declarer, decree number or date of a recorded status. The scale and "
                    + "region are fixed. The law's rules hold on the corrected term as on a declaration (consultation "
                    + "first, at most 90 days, one status per region at a time), and a correction may not leave an "
                    + "extension, the revocation or a TNI assistance outside the term (409). If-Match is required."
                    + DEMO_DATES)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decree", value = ConflictStatusExamples.CORRECTION)))
    @APIResponse(
            responseCode = "200",
            description = "Corrected; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.ConflictStatusResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status", value = ConflictStatusExamples.RESPONSE)))
    public Response correct(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ConflictStatusInput request) {
        return Answers.ok(service.correct(id, ETags.requireIfMatch(ifMatch), request));
    }

    @POST
    @Path("{id}/extensions")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Extend a conflict status",
            description = "Records an extension decided before the term ends: "
                    + "it starts the day after the current end and lasts at most 30 days. The 30-day limit is our reading "
                    + "(domain notes: recollection, not confirmed in the text of UU 7/2012).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "extension", value = ConflictStatusExamples.EXTENSION)))
    @APIResponse(
            responseCode = "200",
            description = "The extended status",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.ConflictStatusResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status", value = ConflictStatusExamples.RESPONSE)))
    public Response extend(@PathParam("id") UUID id, @Valid @NotNull ExtensionInput request) {
        ConflictStatusResponse updated = service.extend(id, request);
        return Answers.ok(updated);
    }

    @POST
    @Path("{id}/revocation")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Revoke a conflict status",
            description = "Ends the status early on the given day, which lies "
                    + "within its term; TNI assistance under it ends the same day.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "revocation", value = ConflictStatusExamples.REVOCATION)))
    @APIResponse(
            responseCode = "200",
            description = "The revoked status",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.ConflictStatusResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "status", value = ConflictStatusExamples.RESPONSE)))
    public Response revoke(@PathParam("id") UUID id, @Valid @NotNull RevocationInput request) {
        ConflictStatusResponse updated = service.revoke(id, request);
        return Answers.ok(updated);
    }

    @GET
    @Path("{id}/history")
    @Operation(
            summary = "History of a conflict status",
            description = "Every change of the status, oldest first. " + "Keyset-paginated.")
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
    @Path("{id}/tni-assistance")
    @Operation(
            summary = "List the TNI assistance requests of a status",
            description =
                    "Each with its effective end "
                            + "(never after the status's) and whether it is in force today. A status has a handful; one page holds all.")
    @APIResponse(
            responseCode = "200",
            description = "The requests",
            content =
                    @Content(
                            schema = @Schema(ref = "TniAssistancePage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "requests", value = ConflictStatusExamples.TNI_PAGE)))
    public Page<TniAssistanceResponse> tni(@PathParam("id") UUID id) {
        return new Page<>(service.tniRequests(id), null);
    }

    @POST
    @Path("{id}/tni-assistance")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Record a TNI assistance request",
            description = "Only while the status is in force "
                    + "(UU 7/2012 Ps 33; 409 otherwise), for a period within its term; the request ends when the status ends "
                    + "or is revoked." + DEMO_DATES)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tni", value = ConflictStatusExamples.TNI_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.TniAssistanceResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tni", value = ConflictStatusExamples.TNI)))
    public Response requestTni(
            @PathParam("id") UUID id, @Valid @NotNull TniAssistanceInput request, @Context UriInfo uri) {
        TniAssistanceResponse created = service.requestTni(id, request);
        return Answers.created(uri, created);
    }

    @GET
    @Path("{id}/tni-assistance/{assistanceId}")
    @Operation(
            summary = "Get a TNI assistance request",
            description = "One request with its effective end and whether it is in force today, and its ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.TniAssistanceResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tni", value = ConflictStatusExamples.TNI)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response tniRequest(
            @PathParam("id") UUID id, @PathParam("assistanceId") UUID assistanceId, @Context Request request) {
        return ETags.conditionalGet(request, service.tniRequest(id, assistanceId));
    }

    @PUT
    @Idempotent
    @Path("{id}/tni-assistance/{assistanceId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Amend a TNI assistance request",
            description = "Corrects who asked, why, the units, the tasks or the period. Only while the status is in "
                    + "force (UU 7/2012 Ps 33; 409 otherwise), for a period within its term (Ps 35), and not once the "
                    + "assistance was ended early (409). If-Match is required." + DEMO_DATES)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tni", value = ConflictStatusExamples.TNI_AMENDMENT)))
    @APIResponse(
            responseCode = "200",
            description = "Amended; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.TniAssistanceResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tni", value = ConflictStatusExamples.TNI)))
    public Response amendTni(
            @PathParam("id") UUID id,
            @PathParam("assistanceId") UUID assistanceId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TniAssistanceInput request) {
        return Answers.ok(service.amendTni(id, assistanceId, ETags.requireIfMatch(ifMatch), request));
    }

    @POST
    @Path("{id}/tni-assistance/{assistanceId}/ending")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "End TNI assistance early",
            description = "Ends the assistance on a day within what remains of its period, with a reason; it ends at "
                    + "the latest with the status. An assistance already ended, or over, is a 409. If-Match is "
                    + "required: the ending is decided on the version read." + DEMO_DATES)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "ending", value = ConflictStatusExamples.TNI_ENDING)))
    @APIResponse(
            responseCode = "200",
            description = "Ended; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = StatusDtos.TniAssistanceResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "tni", value = ConflictStatusExamples.TNI)))
    public Response endTni(
            @PathParam("id") UUID id,
            @PathParam("assistanceId") UUID assistanceId,
            @Parameter(description = ETags.IF_MATCH, required = true, example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TniEndingInput request) {
        return Answers.ok(service.endTni(id, assistanceId, ETags.requireIfMatch(ifMatch), request));
    }
}
