package id.terpadu.common.paging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import id.terpadu.common.error.ProblemException;

/**
 * {@code limit} (default 50, 1–200) and the opaque {@code cursor} of a list request. A cursor is the base64url of
 * the sort-key values of the last item seen, separated by a unit separator; clients must not build one.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final char SEPARATOR = '\u001f';

    public static PageRequest of(String limit, String cursor) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be from 1 to " + MAX_LIMIT + ", was " + value);
        }
        return value;
    }

    public static String encode(List<String> values) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), values).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        try {
            if (cursor.length() > 2048) {
                throw new IllegalArgumentException("too long");
            }
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = new ArrayList<>();
            int from = 0;
            int at;
            while ((at = text.indexOf(SEPARATOR, from)) >= 0) {
                values.add(text.substring(from, at));
                from = at + 1;
            }
            values.add(text.substring(from));
            return values;
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    static ProblemException invalidCursor() {
        return ProblemException.invalid("cursor", "is not a cursor this list gave out; start again without one");
    }
}
