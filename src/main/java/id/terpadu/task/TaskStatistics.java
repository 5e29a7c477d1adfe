package id.terpadu.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.GroupBy;

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
    public enum Dimension implements GroupBy {
        AGENCY("e.agencyId"),
        STATE("e.state"),
        PROVINCE("substring(" + REGION + ", 1, 2)"),
        KABKOTA("case when length(" + REGION + ") >= 5 then substring(" + REGION + ", 1, 5) else null end");

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
        List<String> labels = GroupBy.labels(groupBy);
        List<Row> out = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            Map<String, String> key = GroupBy.key(labels, row);
            int at = groupBy.size();
            out.add(new Row(
                    key,
                    ((Number) row[at]).longValue(),
                    ((Number) row[at + 1]).longValue(),
                    ((Number) row[at + 2]).longValue()));
        }
        return new Result(labels, out, rows.size() > MAX_ROWS);
    }
}
