package id.terpadu.incident;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.Params;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;
import id.terpadu.verification.Verification;

/**
 * The filters of the incident list as sent ({@code @BeanParam IncidentFilters filters}), each documented with the
 * type and bounds {@link #query()} enforces: shared by the list (JSON and GeoJSON), the statistics and the export, so
 * that each selects exactly the incidents the others do. The order is the list's alone ({@link IncidentListFilters}):
 * statistics and exports have none to offer.
 */
public class IncidentFilters {

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

    @QueryParam("stage")
    @Parameter(schema = @Schema(implementation = Stage.class))
    String stage;

    @QueryParam("severityMin")
    @Parameter(
            description = "1–5",
            example = "3",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "5"))
    String severityMin;

    @QueryParam("severityMax")
    @Parameter(
            description = "1–5",
            example = "5",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "5"))
    String severityMax;

    @QueryParam("from")
    @Parameter(
            description = "occurredFrom at or after (RFC 3339)",
            example = "2024-01-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String from;

    @QueryParam("to")
    @Parameter(
            description = "occurredFrom before (RFC 3339)",
            example = "2025-01-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = Params.DATE_TIME_LENGTH))
    String to;

    @QueryParam("bbox")
    @Parameter(
            description = "minLon,minLat,maxLon,maxLat",
            example = "99.8,-1.0,100.6,-0.3",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.BBOX_LENGTH, pattern = Params.BBOX))
    String bbox;

    @QueryParam("leadAgencyId")
    @Parameter(
            description = "Lead agency id",
            schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = Params.UUID_LENGTH))
    String leadAgencyId;

    @QueryParam("classification")
    @Parameter(schema = @Schema(implementation = Classification.class))
    String classification;

    @QueryParam("q")
    @Parameter(
            description = "Indonesian full text over title, description and place; web-search syntax "
                    + "(\"phrase\", or, -not)",
            example = "bentrok lahan",
            schema = @Schema(type = SchemaType.STRING, maxLength = Params.TEXT_LENGTH, pattern = Constraints.ONE_LINE))
    String q;

    @QueryParam("verification")
    @Parameter(
            description =
                    "Verification state; TERVERIFIKASI includes reports that started verified by the rule of "
                            + "their source. `verification=TERVERIFIKASI` restricts statistics and exports to verified records.",
            schema = @Schema(implementation = Verification.class))
    String verification;

    /**
     * The filters parsed, with the rule for duplicates; a malformed one is a 400 that names it (and, for a choice,
     * lists the allowed values).
     */
    IncidentQuery query(IncidentQuery.Duplicates duplicates) {
        return query(duplicates, IncidentQuery.Order.OCCURRED_AT);
    }

    IncidentQuery query(IncidentQuery.Duplicates duplicates, IncidentQuery.Order order) {
        Integer min = Params.integer(severityMin, "severityMin", 1, 5);
        Integer max = Params.integer(severityMax, "severityMax", 1, 5);
        if (min != null && max != null && min > max) {
            throw ProblemException.invalid("severityMin", Message.of("incident.severity.range"));
        }
        return new IncidentQuery(
                blank(region),
                blank(category),
                Params.enumValue(Stage.class, stage, "stage"),
                min,
                max,
                Params.instant(from, "from"),
                Params.instant(to, "to"),
                Params.bbox(bbox, "bbox"),
                Params.uuid(leadAgencyId, "leadAgencyId"),
                Params.enumValue(Classification.class, classification, "classification"),
                blank(Params.text(q, "q", Params.TEXT_LENGTH)),
                Params.enumValue(Verification.class, verification, "verification"),
                duplicates,
                order);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
