package id.terpadu.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/** Incident statistics: the dimensions, the metrics, and the shape of the answer. */
public final class Statistics {

    /** The impact columns summed per group; unknown (null) values are left out of a sum, never counted as 0. */
    static final List<String> METRICS = List.of("killed", "injured", "sexualViolence", "buildingsDamaged", "displaced");

    static final int MAX_ROWS = 10_000;

    private Statistics() {}

    /** What a group can be keyed by; month is the calendar month of occurredFrom in Western Indonesia Time. */
    public enum Dimension {
        CATEGORY("category", "e.categoryCode"),
        STAGE("stage", "e.stage"),
        PROVINCE("province", "substring(e.regionCode, 1, 2)"),
        KABKOTA("kabkota", "substring(e.regionCode, 1, 5)"),
        MONTH("month", "function('to_char', function('timezone', 'Asia/Jakarta', e.occurredFrom), 'YYYY-MM')");

        private final String name;
        private final String expression;

        Dimension(String name, String expression) {
            this.name = name;
            this.expression = expression;
        }

        String expression() {
            return expression;
        }

        public static List<Dimension> parse(String groupBy) {
            if (groupBy == null || groupBy.isBlank()) {
                return List.of();
            }
            List<Dimension> dimensions = new ArrayList<>();
            String[] parts = groupBy.split(",", -1);
            if (parts.length > values().length) {
                throw ProblemException.invalid("groupBy", Message.of("params.group-by.size", "max", values().length));
            }
            for (int i = 0; i < parts.length; i++) {
                String name = parts[i];
                int position = i + 1;
                Dimension found = Arrays.stream(values())
                        .filter(d -> d.name.equals(name))
                        .findFirst()
                        .orElseThrow(() -> ProblemException.invalid(
                                "groupBy",
                                Message.of("params.group-by.item", "position", position),
                                Arrays.stream(values()).map(d -> d.name).toList()));
                if (!dimensions.contains(found)) {
                    dimensions.add(found);
                }
            }
            return dimensions;
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

    static Result result(List<Dimension> groupBy, List<Object[]> rows) {
        List<Row> out = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            Map<String, String> key = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                key.put(groupBy.get(i).name, row[i] == null ? null : row[i].toString());
            }
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
        return new Result(groupBy.stream().map(d -> d.name).toList(), out, rows.size() > MAX_ROWS);
    }
}
