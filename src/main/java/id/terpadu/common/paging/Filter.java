package id.terpadu.common.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where-clause of a list query, built from the request's filters and the caller's scope. Each {@code :?} in
 * a clause is bound, in order, to the given values under a generated parameter name.
 */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private final String prefix;
    private int next;

    public Filter() {
        this("p");
    }

    /** A filter whose parameters are named {@code <prefix>0, <prefix>1, …}, to combine with another filter's. */
    public Filter(String prefix) {
        this.prefix = prefix;
    }

    public Filter and(String clause, Object... values) {
        StringBuilder bound = new StringBuilder();
        int from = 0;
        int valueIndex = 0;
        int at;
        while ((at = clause.indexOf(":?", from)) >= 0) {
            String name = prefix + next++;
            bound.append(clause, from, at).append(':').append(name);
            parameters.put(name, values[valueIndex++]);
            from = at + 2;
        }
        bound.append(clause.substring(from));
        if (valueIndex != values.length) {
            throw new IllegalArgumentException("clause and values do not match: " + clause);
        }
        clauses.add("(" + bound + ")");
        return this;
    }

    /**
     * Adds that at least one of the alternatives holds: a record of one of several kinds (a task on an incident or on
     * an early warning), each with its own rule. Each alternative names its parameters with a prefix of its own.
     */
    public Filter andAny(Filter... alternatives) {
        List<String> ors = new ArrayList<>();
        for (Filter alternative : alternatives) {
            for (var p : alternative.parameters.entrySet()) {
                if (parameters.putIfAbsent(p.getKey(), p.getValue()) != null) {
                    throw new IllegalArgumentException("alternatives share the parameter " + p.getKey());
                }
            }
            ors.add("(" + alternative.where() + ")");
        }
        clauses.add("(" + String.join(" or ", ors) + ")");
        return this;
    }

    /** Adds the clause only when the value is present (a non-null, non-blank filter). */
    public Filter andIf(Object value, String clause, Object... values) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            and(clause, values);
        }
        return this;
    }

    /** A case-insensitive {@code like} pattern (use with {@code lower(...)}) matching the text anywhere. */
    public static String containing(String text) {
        return "%"
                + text.trim()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }

    public String where() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
