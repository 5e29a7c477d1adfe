package id.terpadu.neutrality;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of the neutrality case list as sent ({@code @BeanParam NeutralityCaseFilters filters}): those the
 * statistics take, and the status of at least one person of the case.
 */
public class NeutralityCaseFilters extends NeutralityFilters {

    @QueryParam("status")
    @Parameter(
            description = "Cases with at least one person in this status",
            schema = @Schema(implementation = NeutralityStatus.class))
    String status;

    NeutralityStatus status() {
        return Params.enumValue(NeutralityStatus.class, status, "status");
    }
}
