package id.terpadu.incident;

import java.time.Instant;
import java.util.UUID;

import id.terpadu.common.security.Classification;
import id.terpadu.verification.Verification;

/**
 * The filters of the incident list, already parsed: region subtree, category with its sub-categories, stage,
 * severity range, time range (on occurredFrom), bounding box, lead agency, classification, Indonesian free text,
 * verification state, and the order (occurredAt or updatedAt, newest first).
 */
public record IncidentQuery(
        String region,
        String category,
        Stage stage,
        Integer severityMin,
        Integer severityMax,
        Instant from,
        Instant to,
        double[] bbox,
        UUID leadAgencyId,
        Classification classification,
        String text,
        Verification verification,
        Order order) {

    public enum Order {
        OCCURRED_AT,
        UPDATED_AT
    }
}
