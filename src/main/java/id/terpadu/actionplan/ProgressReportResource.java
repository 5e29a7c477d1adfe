package id.terpadu.actionplan;

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

import id.terpadu.actionplan.ActionPlanDtos.ReportInput;
import id.terpadu.actionplan.ActionPlanDtos.ReportReopeningInput;
import id.terpadu.actionplan.ActionPlanDtos.ReportResponse;
import id.terpadu.actionplan.ActionPlanDtos.ReportTransitionInput;
import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.error.Problem;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;

@Path("/api/v1/action-plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Action plans")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class ProgressReportResource {

    // Operation ids are part of the contract (generated clients name their methods after them): these operations
    // keep the ids they were published with, from when plans and reports shared one resource.

    private final ProgressReportService service;

    ProgressReportResource(ProgressReportService service) {
        this.service = service;
    }

    @POST
    @Path("items/{itemId}/reports")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            operationId = "ActionPlanResource_addReport",
            summary = "Draft a progress report",
            description = "The item's progress in a period: cumulative "
                    + "realisation in the target's unit (the percentage is computed), obstacles and https evidence links. One "
                    + "report per item and period; none for a period that has not started (409). It starts as DRAFT.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "b04", value = ActionPlanExamples.REPORT_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = ActionPlanExamples.REPORT)))
    public Response addReport(
            @PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId,
            @Valid @NotNull ReportInput request,
            @Context UriInfo uri) {
        ReportResponse created = service.addReport(id, itemId, request);
        // a report is written for an item and lives among the plan's reports
        return Answers.created(
                uri.getBaseUriBuilder()
                        .path("/api/v1/action-plans/{id}/reports/{reportId}")
                        .build(id, created.id()),
                created);
    }

    @GET
    @Path("reports")
    @Operation(
            operationId = "ActionPlanResource_reports",
            summary = "List a plan's progress reports",
            description = "By period, filtered by period, status and " + "item. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of reports",
            content =
                    @Content(
                            schema = @Schema(ref = "ProgressReportPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = ActionPlanExamples.REPORTS_PAGE)))
    public Response reports(
            @PathParam("id") UUID id, @BeanParam ProgressReportFilters filters, @BeanParam PageParams page) {
        return page.ok(service.reports(id, filters.period(), filters.status(), filters.itemId(), page.request()));
    }

    @GET
    @Path("reports/{reportId}")
    @Operation(
            operationId = "ActionPlanResource_report",
            summary = "Get a progress report",
            description = "One report with its review and ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = ActionPlanExamples.REPORT)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response report(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId, @Context Request request) {
        ReportResponse report = service.report(id, reportId);
        return ETags.conditionalGet(request, report);
    }

    @PUT
    @Idempotent
    @Path("reports/{reportId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            operationId = "ActionPlanResource_replaceReport",
            summary = "Correct a progress report",
            description = "Replaces realisation, obstacles and evidence of a "
                    + "DRAFT or RETURNED report (the period is fixed); a submitted or verified report cannot change (409). "
                    + "If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "b04", value = ActionPlanExamples.REPORT_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = ActionPlanExamples.REPORT)))
    public Response replaceReport(
            @PathParam("id") UUID id,
            @PathParam("reportId") UUID reportId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ReportInput request) {
        ReportResponse updated = service.replaceReport(id, reportId, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("reports/{reportId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            operationId = "ActionPlanResource_deleteReport",
            summary = "Delete a progress report",
            description = "Only a DRAFT or RETURNED report (409 otherwise). " + "If-Match is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteReport(
            @PathParam("id") UUID id,
            @PathParam("reportId") UUID reportId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.deleteReport(id, reportId, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("reports/{reportId}/history")
    @Operation(
            operationId = "ActionPlanResource_reportHistory",
            summary = "History of a progress report",
            description = "Every change and review step, oldest first. " + "Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response reportHistory(
            @PathParam("id") UUID id, @PathParam("reportId") UUID reportId, @BeanParam PageParams page) {
        return page.ok(service.reportHistory(id, reportId, page.request()));
    }

    @POST
    @Path("reports/{reportId}/transitions")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            operationId = "ActionPlanResource_transition",
            summary = "Submit, verify or return a progress report",
            description = "DRAFT or RETURNED → SUBMITTED by "
                    + "the team's secretariat (the caller's agency must be the team's secretariat agency); SUBMITTED → VERIFIED "
                    + "or RETURNED (with a note) by the level above: the province for a kabupaten/kota team, national scope for "
                    + "a province or the national team. VERIFIED is final. A forbidden move is 409 listing the allowed ones. "
                    + "If-Match is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(
                                        name = "submit",
                                        summary = "1. The secretariat submits (coordinator-sumbar)",
                                        value = ActionPlanExamples.SUBMIT),
                                @ExampleObject(
                                        name = "return",
                                        summary =
                                                "2. The level above returns it (admin-national for a provincial team)",
                                        value = ActionPlanExamples.RETURN),
                                @ExampleObject(
                                        name = "resubmit",
                                        summary = "3. The secretariat submits it again (coordinator-sumbar)",
                                        value = ActionPlanExamples.SUBMIT),
                                @ExampleObject(
                                        name = "verify",
                                        summary = "4. The level above verifies it (admin-national)",
                                        value = ActionPlanExamples.VERIFY)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The report in its new status",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = ActionPlanExamples.REPORT)))
    public Response transition(
            @PathParam("id") UUID id,
            @PathParam("reportId") UUID reportId,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ReportTransitionInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        ReportResponse updated = service.transition(id, reportId, expected, request);
        return Answers.ok(updated);
    }

    @POST
    @Path("reports/{reportId}/transitions/reopening")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Reopen a verified progress report",
            description = "Moves a VERIFIED report back to SUBMITTED, the state before it, when a figure proves wrong "
                    + "after the verification. VERIFIED stays final for the transitions: reopening is its own "
                    + "operation, for a COORDINATOR or ADMIN of the team's region or above, with a mandatory reason. "
                    + "The level above then returns it for correction (RETURNED) or verifies it again, so the content "
                    + "still changes only through its review. The review's time and reviewer are cleared (the history "
                    + "keeps them); the report keeps `reopeningReason`, `reopenedAt` and `reopenedBy`, and its new "
                    + "version carries them to its history, the change feed and webhooks. A report not VERIFIED is a "
                    + "409. If-Match is optional and checked when sent.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "wrong-figure", value = ActionPlanExamples.REOPENING)))
    @APIResponse(
            responseCode = "200",
            description = "The report SUBMITTED again; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ReportResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "report", value = ActionPlanExamples.REPORT)))
    public Response reopen(
            @PathParam("id") UUID id,
            @PathParam("reportId") UUID reportId,
            @Parameter(description = "ETag of the version you read (optional)", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ReportReopeningInput request) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        return Answers.ok(service.reopen(id, reportId, expected, request));
    }
}
