package id.terpadu.common.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dimension a statistics request groups by ({@code groupBy}), implemented by an enum of each statistics: its name in
 * the API is the constant's in lower camel case ({@code RISK_LEVEL} is {@code riskLevel}), and its expression is what
 * the statement groups by. The parsing of {@code groupBy} and the keys of the answer's rows are the same for all.
 */
public interface GroupBy {

    /** The enum constant's name. */
    String name();

    /** What the statement groups by. */
    String expression();

    /** The name {@code groupBy} takes and the answer's keys use. */
    default String label() {
        StringBuilder label = new StringBuilder();
        for (String word : name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            label.append(label.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return label.toString();
    }

    /**
     * The dimensions a comma-separated {@code groupBy} names, in its order and each once; 400 for an unknown name or
     * more names than there are dimensions.
     */
    static <E extends Enum<E> & GroupBy> List<E> parse(Class<E> type, String groupBy) {
        List<String> labels =
                Arrays.stream(type.getEnumConstants()).map(GroupBy::label).toList();
        return Params.dimensions(groupBy, "groupBy", labels).stream()
                .map(label -> type.getEnumConstants()[labels.indexOf(label)])
                .toList();
    }

    /** The labels of the dimensions, as the answer lists them. */
    static List<String> labels(List<? extends GroupBy> groupBy) {
        return groupBy.stream().map(GroupBy::label).toList();
    }

    /**
     * A row's key: the value of each dimension by its label ({@link #labels}, worked out once for all the rows of an
     * answer), null for a record that has none.
     */
    static Map<String, String> key(List<String> labels, Object[] row) {
        Map<String, String> key = new LinkedHashMap<>(4);
        for (int i = 0; i < labels.size(); i++) {
            key.put(labels.get(i), row[i] == null ? null : row[i].toString());
        }
        return key;
    }
}
