package id.terpadu.webhook;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/** The filter of a subscription's delivery list as sent ({@code @BeanParam DeliveryFilters filters}): the status. */
public class DeliveryFilters {

    @QueryParam("status")
    @Parameter(description = "Only deliveries in this status", schema = @Schema(implementation = DeliveryStatus.class))
    String status;

    DeliveryStatus status() {
        return Params.enumValue(DeliveryStatus.class, status, "status");
    }
}
