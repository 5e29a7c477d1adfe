package id.terpadu.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import id.terpadu.common.http.Params;
import id.terpadu.common.security.Classification;
import id.terpadu.verification.Verification;

/**
 * The filters of the incident list, already parsed: region subtree, category with its sub-categories, stage,
 * severity range, time range (on occurredFrom), bounding box, lead agency, classification, Indonesian free text,
 * verification state, whether records verified DUPLIKAT count, and the order (occurredAt or updatedAt, newest first).
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
        Duplicates duplicates,
        Order order) {

    /** The same query with another rule for duplicates. */
    public IncidentQuery with(Duplicates rule) {
        return new IncidentQuery(
                region,
                category,
                stage,
                severityMin,
                severityMax,
                from,
                to,
                bbox,
                leadAgencyId,
                classification,
                text,
                verification,
                rule,
                order);
    }

    /**
     * Whether incidents verified DUPLIKAT (each names its original) are selected. An event reported twice is one
     * event: statistics and exports leave the duplicates out unless asked ({@code includeDuplicates=true}); the list
     * is a working view and shows them unless asked ({@code duplicates=exclude|only|include}).
     */
    public enum Duplicates {
        EXCLUDE("exclude"),
        ONLY("only"),
        INCLUDE("include");

        public static final List<String> NAMES =
                Arrays.stream(values()).map(d -> d.name).toList();

        private final String name;

        Duplicates(String name) {
            this.name = name;
        }

        /** The list's {@code duplicates} parameter: absent is {@code include}. */
        public static Duplicates ofList(String value) {
            String chosen = Params.choice(value, "duplicates", NAMES);
            return chosen == null
                    ? INCLUDE
                    : Arrays.stream(values())
                            .filter(d -> d.name.equals(chosen))
                            .findFirst()
                            .orElseThrow();
        }

        /** The {@code includeDuplicates} parameter of statistics and exports: absent or false is {@code exclude}. */
        public static Duplicates ofCount(String includeDuplicates) {
            return Boolean.TRUE.equals(Params.bool(includeDuplicates, "includeDuplicates")) ? INCLUDE : EXCLUDE;
        }
    }

    public enum Order {
        OCCURRED_AT,
        UPDATED_AT
    }
}
