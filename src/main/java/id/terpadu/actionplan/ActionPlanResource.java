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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import id.terpadu.actionplan.ActionPlanDtos.AchievementResponse;
import id.terpadu.actionplan.ActionPlanDtos.ActionPlanInput;
import id.terpadu.actionplan.ActionPlanDtos.ActionPlanResponse;
import id.terpadu.actionplan.ActionPlanDtos.PlanItemInput;
import id.terpadu.actionplan.ActionPlanDtos.PlanItemResponse;
import id.terpadu.actionplan.ActionPlanDtos.RecapResponse;
import id.terpadu.common.changelog.HistoryExample;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.http.Params;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.security.Role;

@Path("/api/v1/action-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Action plans",
        description = "Rencana Aksi Terpadu (Permendagri 42/2015): items by stage, four-monthly "
                + "progress reports (B04, B08, B12) verified by the level above, achievement and the national recap")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_})
public class ActionPlanResource {

    private final ActionPlanService service;
    private final AchievementService achievements;

    ActionPlanResource(ActionPlanService service, AchievementService achievements) {
        this.service = service;
        this.achievements = achievements;
    }

    // ---- plans ----------------------------------------------------------------------------------------------

    @GET
    @Operation(
            summary = "List action plans",
            description = "Plans of the teams in your region scope, latest year "
                    + "first, filtered by team, year, team level and region subtree. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of plans",
            content =
                    @Content(
                            schema = @Schema(ref = "ActionPlanPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = ActionPlanExamples.PAGE)))
    public Response list(@BeanParam ActionPlanFilters filters, @BeanParam PageParams page) {
        return page.ok(
                service.list(filters.teamId(), filters.year(), filters.level(), filters.region(), page.request()));
    }

    @GET
    @Path("recap")
    @Operation(
            summary = "National recap of the provinces' plans",
            description = "Each province team's plan of the "
                    + "year ranked by its overall achievement in the period (the rule is in the answer; equal achievements "
                    + "share a rank). Only provinces in your region scope are listed.")
    @APIResponse(
            responseCode = "200",
            description = "The ranking",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.RecapResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "recap", value = ActionPlanExamples.RECAP)))
    public RecapResponse recap(
            @Parameter(
                            description = "Plan year",
                            required = true,
                            example = "2024",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "2012",
                                            maximum = "2100"))
                    @QueryParam("year")
                    String year,
            @Parameter(
                            description = "Reporting period",
                            required = true,
                            example = "B04",
                            schema = @Schema(implementation = Period.class))
                    @QueryParam("period")
                    String period) {
        Integer y = Params.integer(year, "year", 2012, 2100);
        Period p = Params.enumValue(Period.class, period, "period");
        if (y == null || p == null) {
            throw ProblemException.invalid(y == null ? "year" : "period", Message.of("params.required"));
        }
        return achievements.recap(y, p);
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get an action plan",
            description = "One plan with its team's level and region, and its ETag. "
                    + "Items are at /action-plans/{id}/items, reports at /action-plans/{id}/reports.")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ActionPlanResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "plan", value = ActionPlanExamples.PLAN)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        ActionPlanResponse plan = service.get(id);
        return ETags.conditionalGet(request, plan);
    }

    @POST
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Create an action plan",
            description = "Drafts a team's Rencana Aksi Terpadu for a year: one "
                    + "per team per year (409 for a second). ADMIN or COORDINATOR whose scope covers the team.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "pariaman", value = ActionPlanExamples.PLAN_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ActionPlanResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "plan", value = ActionPlanExamples.PLAN)))
    public Response create(@Valid @NotNull ActionPlanInput request, @Context UriInfo uri) {
        ActionPlanResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Replace an action plan",
            description = "Replaces the title and decree; the team and year are "
                    + "fixed (400 when they differ). If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "sumbar", value = ActionPlanExamples.PLAN_REPLACE)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.ActionPlanResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "plan", value = ActionPlanExamples.PLAN)))
    public Response replace(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ActionPlanInput request) {
        ActionPlanResponse updated = service.replace(id, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete an action plan",
            description = "Deletes a plan with its items and draft reports "
                    + "(each keeps a tombstone in the change log). A plan with a submitted or verified report is kept (409). "
                    + "If-Match is required.")
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
            summary = "History of an action plan",
            description = "Every change of the plan, oldest first. Keyset-paginated.")
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
    @Path("{id}/achievement")
    @Operation(
            summary = "Achievement of an action plan",
            description = "Per period (B04, B08, B12) the achievement of "
                    + "each stage and overall, from VERIFIED reports only, by the rule stated in the answer.")
    @APIResponse(
            responseCode = "200",
            description = "The achievement",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.AchievementResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "achievement", value = ActionPlanExamples.ACHIEVEMENT)))
    public AchievementResponse achievement(@PathParam("id") UUID id) {
        return achievements.achievement(id);
    }

    // ---- items ----------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/items")
    @Operation(
            summary = "List a plan's items",
            description = "In the order they were added, filtered by stage. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of items",
            content =
                    @Content(
                            schema = @Schema(ref = "ActionPlanItemPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = ActionPlanExamples.ITEMS_PAGE)))
    public Response items(@PathParam("id") UUID id, @BeanParam PlanItemFilters filters, @BeanParam PageParams page) {
        return page.ok(service.items(id, filters.stage(), page.request()));
    }

    @GET
    @Path("{id}/items/{itemId}")
    @Operation(summary = "Get a plan item", description = "One item with its target and ETag.")
    @APIResponse(
            responseCode = "200",
            description = "The item",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.PlanItemResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "item", value = ActionPlanExamples.ITEM)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response item(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @Context Request request) {
        PlanItemResponse item = service.item(id, itemId);
        return ETags.conditionalGet(request, item);
    }

    @POST
    @Path("{id}/items")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Idempotent
    @Operation(
            summary = "Add an item to a plan",
            description =
                    "An activity of one stage with its indicator, target, "
                            + "responsible and supporting agencies, optional budget (rupiah) and a schedule within the plan's year.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "rakor", value = ActionPlanExamples.ITEM_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.PlanItemResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "item", value = ActionPlanExamples.ITEM)))
    public Response addItem(@PathParam("id") UUID id, @Valid @NotNull PlanItemInput request, @Context UriInfo uri) {
        PlanItemResponse created = service.addItem(id, request);
        return Answers.created(uri, created);
    }

    @PUT
    @Idempotent
    @Path("{id}/items/{itemId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Replace a plan item",
            description = "Replaces every field. Once the item has a submitted or "
                    + "verified report its stage and target stay (409). If-Match is required.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "rakor", value = ActionPlanExamples.ITEM_INPUT)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.PlanItemResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "item", value = ActionPlanExamples.ITEM)))
    public Response replaceItem(
            @PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull PlanItemInput request) {
        PlanItemResponse updated = service.replaceItem(id, itemId, ETags.requireIfMatch(ifMatch), request);
        return Answers.ok(updated);
    }

    @PATCH
    @Idempotent
    @Path("{id}/items/{itemId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(summary = "Change some fields of an action-plan item", description = MergePatch.DESCRIPTION)
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(ref = "ActionPlanItemInput"),
                            examples = @ExampleObject(name = "schedule", value = ActionPlanExamples.ITEM_PATCH)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is set",
            content =
                    @Content(
                            schema = @Schema(implementation = ActionPlanDtos.PlanItemResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "item", value = ActionPlanExamples.ITEM)))
    public Response patch(
            @PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            JsonNode patch) {
        PlanItemResponse updated = service.patchItem(id, itemId, ETags.requireIfMatch(ifMatch), patch);
        return Answers.ok(updated);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}/items/{itemId}")
    @RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
    @Operation(
            summary = "Delete a plan item",
            description = "Deletes an item and its draft reports; an item with a "
                    + "submitted or verified report is kept (409). If-Match is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteItem(
            @PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.deleteItem(id, itemId, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/items/{itemId}/history")
    @Operation(
            summary = "History of a plan item",
            description = "Every change of the item, oldest first. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes",
            content =
                    @Content(
                            schema = @Schema(ref = "ChangeEntryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "history", value = HistoryExample.VALUE)))
    public Response itemHistory(
            @PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @BeanParam PageParams page) {
        return page.ok(service.itemHistory(id, itemId, page.request()));
    }
}
