package id.terpadu.webhook;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/** The filter of the webhook-subscription list as sent ({@code @BeanParam SubscriptionFilters filters}): the status. */
public class SubscriptionFilters {

    @QueryParam("status")
    @Parameter(
            description = "Only subscriptions in this status",
            schema = @Schema(implementation = SubscriptionStatus.class))
    String status;

    SubscriptionStatus status() {
        return Params.enumValue(SubscriptionStatus.class, status, "status");
    }
}
