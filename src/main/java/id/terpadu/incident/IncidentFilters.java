package id.terpadu.incident;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.Params;
import id.terpadu.common.security.Classification;

/**
 * The filters of the incident list as sent ({@code @BeanParam IncidentFilters filters}), each documented with the
 * type and bounds {@link #query()} enforces: shared by the list (JSON and GeoJSON), the statistics and the export, so
 * that each selects exactly the incidents the others do.
 */
public class IncidentFilters {

    private static final List<String> SORTS = List.of("occurredAt", "updatedAt");

    @QueryParam("region")
    @Parameter(description = "Region code; the region and everything below it", example = "13")
    String region;

    @QueryParam("category")
    @Parameter(description = "Conflict category with its sub-categories", example = "POLITIK")
    String category;

    @QueryParam("stage")
    @Parameter(schema = @Schema(implementation = Stage.class))
    String stage;

    @QueryParam("severityMin")
    @Parameter(description = "1–5", example = "3")
    String severityMin;

    @QueryParam("severityMax")
    @Parameter(description = "1–5", example = "5")
    String severityMax;

    @QueryParam("from")
    @Parameter(description = "occurredFrom at or after (RFC 3339)", example = "2024-01-01T00:00:00Z")
    String from;

    @QueryParam("to")
    @Parameter(description = "occurredFrom before (RFC 3339)", example = "2025-01-01T00:00:00Z")
    String to;

    @QueryParam("bbox")
    @Parameter(description = "minLon,minLat,maxLon,maxLat", example = "99.8,-1.0,100.6,-0.3")
    String bbox;

    @QueryParam("leadAgencyId")
    @Parameter(description = "Lead agency id")
    String leadAgencyId;

    @QueryParam("classification")
    @Parameter(schema = @Schema(implementation = Classification.class))
    String classification;

    @QueryParam("q")
    @Parameter(description = "Indonesian full text over title, description and place; web-search syntax "
            + "(\"phrase\", or, -not)", example = "bentrok lahan")
    String q;

    @QueryParam("sort")
    @Parameter(description = "Newest first by occurredAt (default) or updatedAt", example = "occurredAt",
            schema = @Schema(enumeration = { "occurredAt", "updatedAt" }))
    String sort;

    /** The filters parsed; a malformed one is a 400 that names it (and, for a choice, lists the allowed values). */
    IncidentQuery query() {
        IncidentQuery.Order order;
        if (sort == null || sort.isBlank() || sort.equals("occurredAt")) {
            order = IncidentQuery.Order.OCCURRED_AT;
        } else if (sort.equals("updatedAt")) {
            order = IncidentQuery.Order.UPDATED_AT;
        } else {
            throw ProblemException.invalid("sort", Message.of("params.enum", "allowed", SORTS), SORTS);
        }
        Integer min = Params.integer(severityMin, "severityMin", 1, 5);
        Integer max = Params.integer(severityMax, "severityMax", 1, 5);
        if (min != null && max != null && min > max) {
            throw ProblemException.invalid("severityMin", Message.of("incident.severity.range"));
        }
        return new IncidentQuery(blank(region), blank(category), Params.enumValue(Stage.class, stage, "stage"),
                min, max, Params.instant(from, "from"), Params.instant(to, "to"), Params.bbox(bbox, "bbox"),
                Params.uuid(leadAgencyId, "leadAgencyId"),
                Params.enumValue(Classification.class, classification, "classification"),
                blank(Params.text(q, "q", 200)), order);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
