package id.terpadu.actionplan;

import java.util.UUID;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filters of a plan's progress-report list as sent ({@code @BeanParam ProgressReportFilters filters}), each
 * documented with the type its accessor enforces.
 */
public class ProgressReportFilters {

    @QueryParam("period")
    @Parameter(schema = @Schema(implementation = Period.class))
    String period;

    @QueryParam("status")
    @Parameter(schema = @Schema(implementation = ReportStatus.class))
    String status;

    @QueryParam("itemId")
    @Parameter(
            description = "Only this item's reports",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String itemId;

    Period period() {
        return Params.enumValue(Period.class, period, "period");
    }

    ReportStatus status() {
        return Params.enumValue(ReportStatus.class, status, "status");
    }

    UUID itemId() {
        return Params.uuid(itemId, "itemId");
    }
}
