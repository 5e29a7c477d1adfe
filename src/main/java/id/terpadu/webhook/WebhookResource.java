package id.terpadu.webhook;

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

import id.terpadu.common.error.Problem;
import id.terpadu.common.http.Answers;
import id.terpadu.common.http.ETags;
import id.terpadu.common.idempotency.Idempotent;
import id.terpadu.common.paging.PageParams;
import id.terpadu.common.security.Role;
import id.terpadu.webhook.WebhookDtos.DeliveryResponse;
import id.terpadu.webhook.WebhookDtos.EnableInput;
import id.terpadu.webhook.WebhookDtos.SubscriptionInput;
import id.terpadu.webhook.WebhookDtos.SubscriptionResponse;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Webhooks",
        description = "Signed webhooks (Standard Webhooks): every change of the chosen records is "
                + "POSTed to your URL, with retries and a delivery log")
@RolesAllowed({Role.ADMIN_, Role.COORDINATOR_})
public class WebhookResource {

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List webhook subscriptions",
            description = "The subscriptions you may see: those of a region "
                    + "in your scope (national ones: national callers only) whose maximum classification you may read, oldest "
                    + "first. Never with their secret. ADMIN or COORDINATOR. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of subscriptions",
            content =
                    @Content(
                            schema = @Schema(ref = "WebhookSubscriptionPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = WebhookExamples.PAGE)))
    public Response list(@BeanParam SubscriptionFilters filters, @BeanParam PageParams page) {
        return page.ok(service.list(filters.status(), page.request()));
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "Get a webhook subscription",
            description = "One subscription with its status (and why it was "
                    + "disabled) and ETag, without its secret. A subscription you may not see answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "The subscription",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookDtos.SubscriptionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "subscription", value = WebhookExamples.RESPONSE)))
    @APIResponse(responseCode = "304", description = "Not modified")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        SubscriptionResponse subscription = service.get(id);
        return ETags.conditionalGet(request, subscription);
    }

    @POST
    @Idempotent
    @Operation(
            summary = "Subscribe to changes",
            description = "Every create, update and delete of the chosen event "
                    + "types (change-log entity types: agency, team, team-member, early-warning, incident, incident-activity, "
                    + "incident-task, conflict-status, tni-assistance, action-plan, action-plan-item, action-plan-report, "
                    + "meeting, meeting-decision, neutrality-case) in the subscription's region, up to its maximum "
                    + "classification, is POSTed to the URL, signed as Standard Webhooks do (headers webhook-id, "
                    + "webhook-timestamp, webhook-signature), at least once. One record's changes arrive in the order they "
                    + "were made (a change waits while an earlier one of the record is pending); different records' changes "
                    + "in no promised order. The URL is https and its host resolves to public addresses only. "
                    + "The region lies in your scope (absent: your scope); a regional subscription never receives national "
                    + "records. The answer holds the signing secret, once: it is never shown again, nor kept with the "
                    + "Idempotency-Key (a replay answers without it). ADMIN or COORDINATOR.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "babel", value = WebhookExamples.INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; the answer holds the secret. Location and ETag are set",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookDtos.SubscriptionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = WebhookExamples.CREATED)))
    public Response create(@Valid @NotNull SubscriptionInput request, @Context UriInfo uri) {
        SubscriptionResponse created = service.create(request);
        return Answers.created(uri, created);
    }

    @DELETE
    // a 204 has no body: a client that accepts only problem documents (for the errors) is served too
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Path("{id}")
    @Operation(
            summary = "Delete a webhook subscription",
            description = "Stops the deliveries and deletes the "
                    + "subscription with its delivery log; the change log keeps a tombstone. If-Match is required.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(description = ETags.IF_MATCH, example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(id, ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    @Idempotent
    @Operation(
            summary = "Enable a disabled webhook subscription",
            description = "A subscription is disabled when a "
                    + "delivery has failed for the whole retry window (24 hours); statusReason says why. Enabling it sends its "
                    + "pending deliveries again at once, each with a fresh window; failed ones can be redelivered one by one. "
                    + "409 when it is already ACTIVE. The body is optional.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "fixed", value = WebhookExamples.ENABLE)))
    @APIResponse(
            responseCode = "200",
            description = "The subscription, ACTIVE",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookDtos.SubscriptionResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "subscription", value = WebhookExamples.RESPONSE)))
    public Response enable(@PathParam("id") UUID id, @Valid EnableInput request) {
        SubscriptionResponse updated = service.enable(id, request);
        return Answers.ok(updated);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            summary = "Delivery log of a webhook subscription",
            description = "The subscription's deliveries, newest "
                    + "first: the event, status (PENDING, DELIVERED, FAILED), attempts, and each attempt's time, HTTP status, "
                    + "latency, error and the retry it scheduled. A failed attempt is retried with exponential backoff and "
                    + "jitter for 24 hours. Keyset-paginated.")
    @APIResponse(
            responseCode = "200",
            description = "A page of deliveries",
            content =
                    @Content(
                            schema = @Schema(ref = "WebhookDeliveryPage"),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = WebhookExamples.DELIVERY_PAGE)))
    public Response deliveries(
            @PathParam("id") UUID id, @BeanParam DeliveryFilters filters, @BeanParam PageParams page) {
        return page.ok(service.deliveries(id, filters.status(), page.request()));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Idempotent
    @Operation(
            summary = "Redeliver an event",
            description = "Sends the delivery again as soon as possible, with a "
                    + "fresh 24-hour retry window and the same webhook-id (a receiver that already has it may ignore it). "
                    + "Attempts so far stay in its log. 409 unless the subscription is ACTIVE. No body is needed.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                                            description = "Ignored",
                                            maxProperties = 0),
                            examples = @ExampleObject(name = "none", value = "{}")))
    @APIResponse(
            responseCode = "202",
            description = "Queued; the delivery is PENDING",
            content =
                    @Content(
                            schema = @Schema(implementation = WebhookDtos.DeliveryResponse.class),
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "delivery", value = WebhookExamples.DELIVERY)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        DeliveryResponse delivery = service.redeliver(id, deliveryId);
        return Response.accepted(delivery).build();
    }
}
