package id.terpadu.common.changelog;

import java.util.List;
import java.util.Set;

import id.terpadu.common.paging.Filter;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.RegionScope;

/**
 * Who may see a change: the one rule, used by a record's history, the change feed and the webhook queue. A change is
 * seen when its region lies in the audience's regions and its classification (stored with the change, see
 * {@link RecordType}) is one the audience may read. A reader also sees the national records (region none), as its
 * GET would; a regional webhook subscription is about its region's records and receives no national record.
 *
 * @param regions         the regions seen (national: all)
 * @param nationalRecords whether records without a region are seen by a regional audience
 * @param classifications the classifications seen
 */
public record Audience(RegionScope regions, boolean nationalRecords, Set<Classification> classifications) {

    public Audience {
        classifications = Set.copyOf(classifications);
    }

    /** A caller: its region scope and the classifications it may read. */
    public static Audience reader(RegionScope scope, Set<Classification> readable) {
        return new Audience(scope, true, readable);
    }

    /** A webhook subscription: its region (none: national) and every classification up to its maximum. */
    public static Audience subscription(String region, Classification max) {
        return new Audience(
                region == null ? RegionScope.NATIONAL : new RegionScope(List.of(region)), false, max.andBelow());
    }

    /** Whether a change of this region and classification is seen. */
    public boolean sees(String region, Classification classification) {
        boolean place = region == null ? regions.isNational() || nationalRecords : regions.covers(region);
        return place && classifications.contains(classification);
    }

    /**
     * The same rule for the subscribers of a change, as a condition joining both: {@code region} and {@code max}
     * are a subscriber's region (null: national) and maximum classification, {@code changeRegion} and
     * {@code changeClassification} the change's. A subscriber sees the change when {@link #subscription(String,
     * Classification)} of its row {@link #sees} it (AudienceQueryTest compares both on every case).
     */
    public static String subscribersSeeing(
            String region, String max, String changeRegion, String changeClassification) {
        return "(" + region + " is null or " + changeRegion + " = " + region + " or " + changeRegion + " like " + region
                + " || '.%') and array_position(" + RANKS + ", " + changeClassification + ") <= array_position(" + RANKS
                + ", " + max + ")";
    }

    /** The classifications from lowest to highest, as a SQL array: their order in {@link Classification}. */
    private static final String RANKS = java.util.Arrays.stream(Classification.values())
            .map(c -> "'" + c.name() + "'")
            .collect(java.util.stream.Collectors.joining(", ", "array[", "]"));

    /**
     * The same rule as a condition on a {@code change_log} row named {@code alias}, for a native query (its
     * {@code region_code} and {@code classification} columns).
     */
    public Filter restrict(Filter filter, String alias) {
        String region = alias + ".region_code";
        regions.restrict(filter, new RegionScope.Columns(region, null, null, nationalRecords));
        return filter.and(
                alias + ".classification in (:?)",
                classifications.stream().map(Enum::name).toList());
    }
}
