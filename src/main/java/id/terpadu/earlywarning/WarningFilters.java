package id.terpadu.earlywarning;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;
import id.terpadu.verification.Verification;

/**
 * The filters of the early-warning list as sent ({@code @BeanParam WarningFilters filters}), each documented with the
 * type and bounds its accessor (or the service, for the region and category) enforces; an accessor refuses a
 * malformed value with a 400 that names the parameter.
 */
public class WarningFilters {

    @QueryParam("region")
    @Parameter(
            description = "Region code; the region and everything below it",
            example = "13",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = Params.REGION_CODE_LENGTH,
                            pattern = Constraints.REGION_CODE))
    String region;

    @QueryParam("category")
    @Parameter(
            description = "Conflict category with its sub-categories",
            example = "POLITIK",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.WORD_LIST_LENGTH, pattern = Params.WORD_LIST))
    String category;

    @QueryParam("status")
    @Parameter(schema = @Schema(implementation = WarningStatus.class))
    String status;

    @QueryParam("riskLevel")
    @Parameter(schema = @Schema(implementation = RiskLevel.class))
    String riskLevel;

    @QueryParam("classification")
    @Parameter(schema = @Schema(implementation = Classification.class))
    String classification;

    @QueryParam("verification")
    @Parameter(
            description = "Verification state; TERVERIFIKASI includes warnings that started verified by the rule of "
                    + "their source",
            schema = @Schema(implementation = Verification.class))
    String verification;

    String region() {
        return region;
    }

    String category() {
        return category;
    }

    WarningStatus status() {
        return Params.enumValue(WarningStatus.class, status, "status");
    }

    RiskLevel riskLevel() {
        return Params.enumValue(RiskLevel.class, riskLevel, "riskLevel");
    }

    Classification classification() {
        return Params.enumValue(Classification.class, classification, "classification");
    }

    Verification verification() {
        return Params.enumValue(Verification.class, verification, "verification");
    }
}
