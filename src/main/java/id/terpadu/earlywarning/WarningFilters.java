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

    @QueryParam("from")
    @Parameter(
            description = "observedAt at or after (RFC 3339)",
            example = "2024-11-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String from;

    @QueryParam("to")
    @Parameter(
            description = "observedAt before (RFC 3339)",
            example = "2024-12-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String to;

    @QueryParam("bbox")
    @Parameter(
            description = "minLon,minLat,maxLon,maxLat: warnings with a point inside (edges included)",
            example = "99.8,-1.0,100.6,-0.3",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.BBOX_LENGTH, pattern = Params.BBOX))
    String bbox;

    @QueryParam("q")
    @Parameter(
            description = "Indonesian full text over title, description, indicators and recommended actions; "
                    + "web-search syntax (\"phrase\", or, -not)",
            example = "pengerahan massa",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.TEXT_LENGTH, pattern = Constraints.ONE_LINE))
    String q;

    /** The filters parsed; a malformed one is a 400 that names it (and, for a choice, lists the allowed values). */
    WarningQuery query() {
        String text = Params.text(q, "q", Params.TEXT_LENGTH);
        return new WarningQuery(
                region,
                category,
                status(),
                riskLevel(),
                classification(),
                verification(),
                Params.instant(from, "from"),
                Params.instant(to, "to"),
                Params.bbox(bbox, "bbox"),
                text == null || text.isBlank() ? null : text.trim());
    }

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
