package id.terpadu.common.ratelimit;

import java.util.Locale;

/**
 * The separate budgets of a caller: reads, writes, and the expensive reads (exports, the change feed, statistics),
 * each with its own limit and window ({@code terpadu.rate-limit.<name>.limit} / {@code .window}). A report from the
 * public ({@code POST /api/v1/public/reports}, no token) draws instead on two budgets of its own, whoever sends it:
 * one per client address and one per network of that address (its /24 in IPv4, its /48 in IPv6). The upload of a
 * report's photos (no token either) draws on a budget per client address of its own.
 */
public enum Policy {
    READS,
    WRITES,
    EXPENSIVE,
    PUBLIC_REPORTS,
    PUBLIC_NETWORKS,
    PUBLIC_UPLOADS;

    /** The name in configuration keys and in the {@code RateLimit-Policy} / {@code RateLimit} headers. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a request is a report from the public, limited per address and network. */
    public static boolean isPublicReport(String method, String path) {
        return method.equals("POST")
                && (path.equals("/api/v1/public/reports") || path.equals("/api/v1/public/reports/"));
    }

    /** Whether a request uploads a report's photos: any request below the public upload paths. */
    public static boolean isPublicUpload(String path) {
        return path.startsWith("/api/v1/public/uploads")
                || (path.startsWith("/api/v1/public/reports/")
                        && path.matches("/api/v1/public/reports/[^/]+/photos/?"));
    }

    private static final String[] EXPENSIVE_PATHS = {"/api/v1/exports/", "/api/v1/feed/", "/api/v1/statistics/"};

    /** The budget a request draws on: any write is a write; reads of exports, feed and statistics are expensive. */
    public static Policy of(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return WRITES;
        }
        String p = path.endsWith("/") ? path : path + "/";
        for (String prefix : EXPENSIVE_PATHS) {
            if (p.startsWith(prefix)) {
                return EXPENSIVE;
            }
        }
        return READS;
    }
}
