package id.terpadu.common.http;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.validation.Constraints;

/**
 * Parses query parameters that JAX-RS would otherwise answer with a bare 404 when malformed: an enum value or a
 * UUID that cannot be read is a 400 naming the parameter (and the allowed values). The constants state, for the
 * {@code @Schema} of a parameter, the length and form of what these methods (and the services' region checks) accept.
 */
public final class Params {

    /** The longest region code (a desa, {@code 13.71.01.2001}); its form is {@link Constraints#REGION_CODE}. */
    public static final int REGION_CODE_LENGTH = 13;
    /** The length of a UUID as {@link #uuid} reads it. */
    public static final int UUID_LENGTH = 36;
    /** The longest RFC 3339 time the service writes or reads ({@code 2024-10-12T09:30:00.123456789+07:00}). */
    public static final int DATE_TIME_LENGTH = 35;
    /** The longest search text ({@code q}) that {@link #text} is given. */
    public static final int TEXT_LENGTH = 200;
    /** A comma-separated list of words or codes, such as a category code, and its longest form in a query. */
    public static final String WORD_LIST = "^[A-Za-z0-9_.,-]*$";

    public static final int WORD_LIST_LENGTH = 200;
    /** The characters of a {@link #bbox} and its longest form. */
    public static final String BBOX = "^[0-9.,eE+-]*$";

    public static final int BBOX_LENGTH = 200;

    private Params() {}

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            List<String> allowed =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ProblemException.invalid(field, Message.of("params.enum", "allowed", allowed), allowed);
        }
    }

    /**
     * One of the {@code allowed} words, spelled exactly (a parameter whose values are not an enum's names, such as
     * {@code duplicates=exclude}); absent is null, anything else a 400 listing them.
     */
    public static String choice(String value, String field, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (allowed.contains(value.trim())) {
            return value.trim();
        }
        throw ProblemException.invalid(field, Message.of("params.enum", "allowed", allowed), allowed);
    }

    /**
     * The dimensions of a statistics request ({@code groupBy=category,month}): names among {@code allowed}, each once
     * in the order given (a repeated one is kept once); absent is none. More names than there are dimensions, or one
     * that is not a dimension, is a 400 naming its position and listing the allowed names.
     */
    public static List<String> dimensions(String value, String field, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String[] parts = value.split(",", -1);
        if (parts.length > allowed.size()) {
            throw ProblemException.invalid(field, Message.of("params.group-by.size", "max", allowed.size()));
        }
        List<String> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (!allowed.contains(parts[i])) {
                throw ProblemException.invalid(field, Message.of("params.group-by.item", "position", i + 1), allowed);
            }
            if (!chosen.contains(parts[i])) {
                chosen.add(parts[i]);
            }
        }
        return chosen;
    }

    public static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, Message.of("params.uuid"));
        }
    }

    /** Search text: one line of at most {@code max} characters, as the document's {@code q} says. */
    public static String text(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, Message.of("params.text.length", "max", max));
        }
        if (!value.matches(Constraints.ONE_LINE)) {
            throw ProblemException.invalid(field, Message.of("format.one-line"));
        }
        return value;
    }

    /** An RFC 3339 date-time such as {@code 2024-10-12T09:30:00Z}. */
    public static java.time.Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(field, Message.of("params.date-time"));
        }
    }

    /** A bounding box {@code minLon,minLat,maxLon,maxLat} in WGS 84. */
    public static double[] bbox(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        try {
            if (parts.length == 4) {
                double[] box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].trim());
                }
                if (box[0] >= -180
                        && box[2] <= 180
                        && box[1] >= -90
                        && box[3] <= 90
                        && box[0] <= box[2]
                        && box[1] <= box[3]) {
                    return box;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, Message.of("params.bbox"));
    }

    /**
     * A whole number in {@code [min, max]} written with ASCII digits (an optional sign): {@code Integer.parseInt} alone
     * would also read other scripts' digits ("٢٠"), which the documented pattern does not allow.
     */
    public static Integer integer(String value, String field, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (!value.trim().matches("[+-]?[0-9]{1,10}")) {
                throw new NumberFormatException();
            }
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, Message.of("params.integer", "min", min, "max", max));
    }

    /** As {@link #integer}, for a number that may pass an {@code int}'s range (a position in a sequence). */
    public static Long whole(String value, String field, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (!value.trim().matches("[+-]?[0-9]{1,19}")) {
                throw new NumberFormatException();
            }
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, Message.of("params.integer", "min", min, "max", max));
    }

    /** {@code true}, {@code false}, or absent (null); anything else is a 400. */
    public static Boolean bool(String value, String field) {
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw ProblemException.invalid(field, Message.of("params.boolean"), java.util.List.of("true", "false"));
    }
}
