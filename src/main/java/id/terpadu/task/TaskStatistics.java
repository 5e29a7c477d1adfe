package id.terpadu.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.Params;

/**
 * Task statistics: the dimensions and the shape of the answer. Tasks number in the thousands, not millions: a GROUP
 * BY over the tasks with the list's rule of who may see them answers them, without roll-ups.
 */
public final class TaskStatistics {

    static final int MAX_ROWS = 10_000;

    /** A task's region: its incident's or its early warning's. */
    static final String REGION = "coalesce(i.regionCode, w.regionCode)";

    private TaskStatistics() {}

    /**
     * What a group can be keyed by: the agency asked to act (its id), the state, and the province or kabupaten/kota of
     * the task's incident or early warning (kabkota is null for a task on a warning raised for a whole province).
     */
    public enum Dimension {
        AGENCY("agency", "e.agencyId"),
        STATE("state", "e.state"),
        PROVINCE("province", "substring(" + REGION + ", 1, 2)"),
        KABKOTA("kabkota", "case when length(" + REGION + ") >= 5 then substring(" + REGION + ", 1, 5) else null end");

        /** The names {@code groupBy} takes, in the order of the enum. */
        public static final List<String> NAMES =
                Arrays.stream(values()).map(d -> d.name).toList();

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
            return Params.dimensions(groupBy, "groupBy", NAMES).stream()
                    .map(name -> values()[NAMES.indexOf(name)])
                    .toList();
        }
    }

    @Schema(name = "TaskStatisticsRow")
    public record Row(
            @Schema(
                    description = "The group: a value per groupBy name; null for the tasks that have none",
                    example = "{\"state\": \"ACTIVE\"}")
            Map<String, String> key,

            @Schema(example = "7") long tasks,

            @Schema(description = "ALERTED, ACKNOWLEDGED or ACTIVE", example = "5")
            long open,

            @Schema(description = "Open and past due", example = "2")
            long overdue) {}

    @Schema(name = "TaskStatistics")
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
            out.add(new Row(
                    key,
                    ((Number) row[at]).longValue(),
                    ((Number) row[at + 1]).longValue(),
                    ((Number) row[at + 2]).longValue()));
        }
        return new Result(groupBy.stream().map(d -> d.name).toList(), out, rows.size() > MAX_ROWS);
    }
}
