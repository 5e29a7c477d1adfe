package id.terpadu.earlywarning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.GroupBy;

/**
 * Early-warning statistics: the dimensions and the shape of the answer. Thousands of warnings a year, not millions:
 * a GROUP BY over the warnings with the list's filters answers them, without roll-ups.
 */
public final class WarningStatistics {

    static final int MAX_ROWS = 10_000;

    private WarningStatistics() {}

    /**
     * What a group can be keyed by. Month is of observedAt in Western Indonesia Time; kabkota is null for a warning
     * raised for a whole province; parentCategory is the top-level category a category belongs to.
     */
    public enum Dimension implements GroupBy {
        RISK_LEVEL("e.riskLevel"),
        STATUS("e.status"),
        CATEGORY("e.categoryCode"),
        PARENT_CATEGORY("function('conflict_category_root', e.categoryCode)"),
        PROVINCE("substring(e.regionCode, 1, 2)"),
        KABKOTA("case when length(e.regionCode) >= 5 then substring(e.regionCode, 1, 5) else null end"),
        MONTH("function('to_char', function('timezone', 'Asia/Jakarta', e.observedAt), 'YYYY-MM')");

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

    @Schema(name = "WarningStatisticsRow")
    public record Row(
            @Schema(
                    description = "The group: a value per groupBy name; null for the warnings that have none",
                    example = "{\"riskLevel\": \"TINGGI\", \"province\": \"13\"}")
            Map<String, String> key,

            @Schema(example = "3") long warnings) {}

    @Schema(name = "WarningStatistics")
    public record Result(
            List<String> groupBy,
            List<Row> rows,

            @Schema(description = "More than 10,000 groups: narrow the filters")
            boolean truncated) {}

    static Result result(List<Dimension> groupBy, List<Object[]> rows) {
        List<String> labels = GroupBy.labels(groupBy);
        List<Row> out = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            Map<String, String> key = GroupBy.key(labels, row);
            out.add(new Row(key, ((Number) row[groupBy.size()]).longValue()));
        }
        return new Result(labels, out, rows.size() > MAX_ROWS);
    }
}
