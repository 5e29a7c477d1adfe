package id.terpadu.intake;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.intake.IntakeDtos.IntakeReportResponse;
import id.terpadu.intake.IntakeDtos.TriageInput;
import id.terpadu.verification.Similar;
import id.terpadu.verification.SimilarParams;

@Path("/api/v1/intake")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Triage queue",
        description = "Community reports in the queue of the team of their region, and their triage (LAPOR!-style)")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_})
public class IntakeResource {

    private final IntakeService service;

    IntakeResource(IntakeService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List the triage queue",
            description = "Community reports of the queues within your region scope, oldest first, filtered by "
                    + "status, queue region subtree and whether overdue: still open (BARU, DITERUSKAN) past the "
                    + "service level (terpadu.intake.service-level-days working days, Monday to Friday, after "
                    + "receipt or forwarding). The contact is masked unless you may read personal data. "
                    + "Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of reports",
            content =
                    @Content(
                            schema = @Schema(ref = "IntakeReportPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = IntakeExamples.PAGE)))
    public Response list(@BeanParam IntakeFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.status(), filters.region(), filters.overdue(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a community report", description = "One report with its ETag; 404 outside your scope.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            schema = @Schema(implementation = IntakeReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = IntakeExamples.ITEM)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        IntakeReportResponse report = service.get(id);
        return ETags.conditionalGet(request, report);
    }

    @GET
    @Path("{id}/similar")
    @Operation(
            summary = "Likely duplicates of a community report",
            description = "Incidents and early warnings that may report the same event as this community report: "
                    + "what a triage as DUPLICATE would name. The report's text is compared word by word with their "
                    + "titles and as a whole with their title and description. "
                    + "Candidates lie in the same province (those of the same kabupaten/kota rank higher), in the same "
                    + "category family (the category, its parent and their sub-categories) and within "
                    + "terpadu.similar.window-hours (72 by default) of the report's occurredAt; they are ranked by a score from 0 to 1: "
                    + "0.6 × the trigram similarity of the texts (typos and reworded titles still match) + 0.2 × "
                    + "nearness in time + 0.1 same kabupaten/kota + 0.1 same category (0.05 related). `reasons` says "
                    + "what agreed. Only records you may read are candidates (region scope and classification, as in "
                    + "the lists); 404 when you may not read the record itself."
                    + " Any category when the report has none.")
    @APIResponse(
            responseCode = "200",
            description = "The candidates, best first",
            content =
                    @Content(
                            schema = @Schema(implementation = Similar.Answer.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "records it may report again",
                                            value = IntakeExamples.SIMILAR)))
    public Similar.Answer similar(@PathParam("id") UUID id, @BeanParam SimilarParams params) {
        return service.similar(id, params.limit());
    }

    @POST
    @Path("{id}/triage")
    @Idempotent
    @Operation(
            summary = "Triage a community report",
            description = "One decision on a report of your queue (If-Match optional, 412 when stale): "
                    + "ACCEPT_AS_INCIDENT or "
                    + "ACCEPT_AS_WARNING (the record is created with source LAPORAN_MASYARAKAT and linked in one "
                    + "transaction; the public status becomes DIVERIFIKASI, then DITINDAKLANJUTI when the record's "
                    + "stage or status changes), REJECT with the public reason, FORWARD to another region's team, "
                    + "DUPLICATE of an existing record. Only BARU and DITERUSKAN reports may be triaged: a decided one "
                    + "is a 409 listing the moves allowed (none).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "accept", value = IntakeExamples.ACCEPT)))
    @APIResponse(
            responseCode = "200",
            description = "The report after the decision; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = IntakeReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "accepted", value = IntakeExamples.ACCEPTED)))
    public Response triage(
            @PathParam("id") UUID id,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TriageInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        return Answers.ok(service.triage(id, expected, request));
    }
}
