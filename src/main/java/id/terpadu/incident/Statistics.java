package id.terpadu.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.GroupBy;
import id.terpadu.verification.Verification;

/** Incident statistics: the dimensions, the metrics, and the shape of the answer. */
public final class Statistics {

    /** The impact columns summed per group; unknown (null) values are left out of a sum, never counted as 0. */
    static final List<String> METRICS = List.of("killed", "injured", "sexualViolence", "buildingsDamaged", "displaced");

    static final int MAX_ROWS = 10_000;

    private Statistics() {}

    /**
     * What a group can be keyed by. Month, year and ISO week are of occurredFrom in Western Indonesia Time (the ISO
     * week as {@code 2025-W07}, of its ISO year); kecamatan is null for an incident recorded at a kabupaten/kota;
     * parentCategory is the top-level category (UU 7/2012 Ps 5) a category belongs to, itself when it has no parent.
     */
    public enum Dimension implements GroupBy {
        CATEGORY("e.categoryCode"),
        STAGE("e.stage"),
        PROVINCE("substring(e.regionCode, 1, 2)"),
        KABKOTA("substring(e.regionCode, 1, 5)"),
        MONTH("function('to_char', function('timezone', 'Asia/Jakarta', e.occurredFrom), 'YYYY-MM')"),
        YEAR("function('to_char', function('timezone', 'Asia/Jakarta', e.occurredFrom), 'YYYY')"),
        ISO_WEEK("function('to_char', function('timezone', 'Asia/Jakarta', e.occurredFrom), 'IYYY-\"W\"IW')"),
        KECAMATAN("case when length(e.regionCode) >= 8 then substring(e.regionCode, 1, 8) else null end"),
        PARENT_CATEGORY("function('conflict_category_root', e.categoryCode)");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }

        @Override
        public String expression() {
            return expression;
        }

        public static List<Dimension> parse(String groupBy) {
            return GroupBy.parse(Dimension.class, groupBy);
        }
    }

    @Schema(
            name = "ImpactSum",
            description =
                    "Sum of the reported values and how many incidents reported one; sum is " + "null when none did")
    public record Sum(
            @Schema(example = "3") Long sum,
            @Schema(example = "2") long reported) {}

    @Schema(name = "IncidentStatisticsRow")
    public record Row(
            @Schema(
                    description = "The group: a value per groupBy name; null for the incidents that have none",
                    example = "{\"category\": \"POLITIK_PILKADA\", \"month\": \"2024-11\"}")
            Map<String, String> key,

            @Schema(example = "4") long incidents,
            Sum killed,
            Sum injured,
            Sum sexualViolence,
            Sum buildingsDamaged,
            Sum displaced) {}

    @Schema(name = "IncidentStatistics")
    public record Result(
            List<String> groupBy,
            List<Row> rows,

            @Schema(description = "More than 10,000 groups: narrow the filters")
            boolean truncated) {}

    /** The levels of the resolution table, by the length of their codes. */
    static final Map<String, Integer> RESOLUTION_LEVELS = Map.of("province", 2, "kabkota", 5);

    /**
     * The verification states the resolution table does not count as recorded: TIDAK_VALID (it did not happen) and
     * DUPLIKAT (it counts in its original).
     */
    static final List<Verification> RESOLUTION_LEFT_OUT = List.of(Verification.TIDAK_VALID, Verification.DUPLIKAT);

    @Schema(
            name = "ResolutionRow",
            description = "A region and year: the incidents recorded there (by occurredFrom, WIB; those verified "
                    + "TIDAK_VALID or DUPLIKAT left out) and how many of them are resolved now")
    public record ResolutionRow(
            @Schema(example = "13.71") String region,
            @Schema(example = "Kota Padang") String name,
            @Schema(example = "2024") int year,
            @Schema(example = "12") long recorded,

            @Schema(description = "Now in PEMULIHAN: the violence stopped, recovery under way", example = "3")
            long recovering,

            @Schema(description = "Now SELESAI: closed with a closing summary", example = "5")
            long closed,

            @Schema(description = "recovering + closed", example = "8")
            long resolved,

            @Schema(
                    description = "resolved / recorded, rounded to 4 decimals; null when none was recorded",
                    example = "0.6667")
            Double share) {}

    @Schema(name = "Resolution")
    public record Resolution(
            @Schema(example = "kabkota") String level,
            List<ResolutionRow> rows,

            @Schema(description = "More than 10,000 rows: narrow the region or name a year")
            boolean truncated) {}

    static Result result(List<Dimension> groupBy, List<Object[]> rows) {
        List<String> labels = GroupBy.labels(groupBy);
        List<Row> out = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            Map<String, String> key = GroupBy.key(labels, row);
            int at = groupBy.size();
            long incidents = ((Number) row[at]).longValue();
            Sum[] sums = new Sum[METRICS.size()];
            for (int m = 0; m < METRICS.size(); m++) {
                Number sum = (Number) row[at + 1 + 2 * m];
                long reported = ((Number) row[at + 2 + 2 * m]).longValue();
                sums[m] = new Sum(reported == 0 || sum == null ? null : sum.longValue(), reported);
            }
            out.add(new Row(key, incidents, sums[0], sums[1], sums[2], sums[3], sums[4]));
        }
        return new Result(labels, out, rows.size() > MAX_ROWS);
    }
}
