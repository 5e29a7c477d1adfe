package id.terpadu.intake;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.validation.Constraints;

/**
 * The filters of the triage queue as sent ({@code @BeanParam IntakeFilters filters}), each documented with the type
 * and bounds its accessor (or the service, for the region) enforces.
 */
public class IntakeFilters {

    @QueryParam("status")
    @Parameter(description = "Triage status", schema = @Schema(implementation = IntakeStatus.class))
    String status;

    @QueryParam("region")
    @Parameter(
            description = "Region code of the queue; the region and everything below it",
            example = "13",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    @QueryParam("overdue")
    @Parameter(
            description = "true: only open reports past the service level; false: only the others",
            example = "true",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String overdue;

    IntakeStatus status() {
        return Params.enumValue(IntakeStatus.class, status, "status");
    }

    String region() {
        return region;
    }

    Boolean overdue() {
        return Params.bool(overdue, "overdue");
    }
}
