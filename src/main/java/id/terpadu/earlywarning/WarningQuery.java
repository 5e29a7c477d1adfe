package id.terpadu.earlywarning;

import java.time.Instant;

import id.terpadu.common.security.Classification;
import id.terpadu.verification.Verification;

/**
 * The early-warning list's filters, parsed ({@link WarningFilters#query()}): each null when not given. {@code from} and
 * {@code to} bound {@code observedAt}; {@code bbox} is minLon, minLat, maxLon, maxLat.
 */
record WarningQuery(
        String region,
        String category,
        WarningStatus status,
        RiskLevel riskLevel,
        Classification classification,
        Verification verification,
        Instant from,
        Instant to,
        double[] bbox,
        String text) {}
