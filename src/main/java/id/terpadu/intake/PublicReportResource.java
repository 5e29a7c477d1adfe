package id.terpadu.intake;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.intake.IntakeDtos.ChallengeResponse;
import id.terpadu.intake.IntakeDtos.PublicReportInput;
import id.terpadu.intake.IntakeDtos.PublicReportStatus;

/**
 * The only operations open without a token besides the development ones: what a citizen (or a regional web form,
 * see {@code terpadu.cors.public-origins}) uses to report and to follow a report.
 */
@Path(PublicReportResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Public reports",
        description = "Laporan masyarakat: anyone may report, without a token, after a proof of work, and follow the "
                + "report with its tracking code")
@PermitAll
@SecurityRequirements
public class PublicReportResource {

    public static final String PATH = "/api/v1/public";

    private final IntakeService service;
    private final Challenges challenges;

    PublicReportResource(IntakeService service, Challenges challenges) {
        this.service = service;
        this.challenges = challenges;
    }

    @GET
    @Path("challenge")
    @Operation(
            summary = "Get a proof-of-work challenge",
            description = "An ALTCHA challenge (SHA-256) to solve before POST /api/v1/public/reports: no token, no "
                    + "outside service. It expires (terpadu.intake.altcha.expiry) and its solution is accepted once.")
    @APIResponse(
            responseCode = "200",
            description = "A fresh challenge",
            content =
                    @Content(
                            schema = @Schema(implementation = ChallengeResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "challenge", value = IntakeExamples.CHALLENGE)))
    public ChallengeResponse challenge() {
        return challenges.create();
    }

    @POST
    @Path("reports")
    @Idempotent
    @Operation(
            summary = "Report something that happened",
            description = "No token. What happened, where (a region code, and a point if known), when, a category "
                    + "guess, and a contact (name, phone) or none at all to stay anonymous; `altcha` is the solved "
                    + "challenge of GET /api/v1/public/challenge (a fresh one for each report). The report goes to the "
                    + "triage queue of the team of its kabupaten/kota (the province's when it has none). The answer "
                    + "is 202 with the tracking code to follow it at GET /api/v1/public/reports/{trackingCode}, and once "
                    + "only the upload key that sends photos with it (POST /api/v1/public/reports/{trackingCode}/photos, "
                    + "or tus at /api/v1/public/uploads) until uploadKeyExpiresAt. Without a region code, a point "
                    + "alone locates the report: it waits in the queue of reports without a region (the national one "
                    + "unless terpadu.intake.unlocated-region names another) until a triager forwards it; with "
                    + "neither, 400 naming regionCode. Limited per "
                    + "client address and per network (/24, /48): past it, 429 with Retry-After. A retry with the same "
                    + "Idempotency-Key and body (the same solution) answers the same tracking code, without the key.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "report",
                                        summary = "A report (altcha: solve a fresh challenge first)",
                                        value = IntakeExamples.REPORT),
                                @ExampleObject(
                                        name = "at-a-point",
                                        summary = "A report located by a point alone (altcha: a fresh challenge)",
                                        value = IntakeExamples.REPORT_AT_POINT)
                            }))
    @APIResponse(
            responseCode = "202",
            description = "Received; keep the tracking code",
            content =
                    @Content(
                            schema = @Schema(implementation = PublicReportStatus.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "received", value = IntakeExamples.ACCEPTED_REPORT)))
    public Response submit(@Valid @NotNull PublicReportInput request, @Context UriInfo uri) {
        PublicReportStatus received = service.submit(request);
        return Response.accepted(received)
                .location(uri.getBaseUriBuilder()
                        .path(PATH + "/reports/{trackingCode}")
                        .build(received.trackingCode()))
                .build();
    }

    @GET
    @Path("reports/{trackingCode}")
    @Operation(
            summary = "Follow a report by its tracking code",
            description = "No token. The public status only: DITERIMA, DIVERIFIKASI, DITINDAKLANJUTI, or DITOLAK with "
                    + "the reason, and how many photos sent with it arrived; dashes, spaces and case in the code do not matter. An unknown code and a malformed "
                    + "one get the same 404.")
    @APIResponse(
            responseCode = "200",
            description = "The public status",
            content =
                    @Content(
                            schema = @Schema(implementation = PublicReportStatus.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "received", value = IntakeExamples.RECEIVED),
                                @ExampleObject(name = "rejected", value = IntakeExamples.REJECTED)
                            }))
    public PublicReportStatus track(
            @Parameter(
                            description = "The tracking code",
                            example = "K7QM-4XPD-R2",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 32))
                    @PathParam("trackingCode")
                    String code) {
        return service.track(code);
    }
}
