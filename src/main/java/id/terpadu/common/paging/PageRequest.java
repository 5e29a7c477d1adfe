package id.terpadu.common.paging;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/**
 * {@code limit} (default 50, 1–200) and the opaque {@code cursor} of a list request. A cursor is the base64url of
 * a JSON array of the sort-key values of the last item seen; clients must not build one.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** Longer cursors are refused unread: none this service gives out comes near it. */
    public static final int MAX_CURSOR_LENGTH = 2048;
    /** The characters of a cursor (base64url without padding). */
    public static final String CURSOR = "^[A-Za-z0-9_-]*$";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> VALUES = new TypeReference<>() {};

    public static PageRequest of(String limit, String cursor) {
        return of(limit, cursor, "cursor", Message.of("params.cursor"));
    }

    /**
     * As {@link #of(String, String)}, for a cursor passed in a parameter of another name (the feed's {@code after}),
     * refused with the operation's own message: a cursor it cannot read is refused as one it never gave out.
     */
    public static PageRequest of(String limit, String cursor, String parameter, Message refusal) {
        return new PageRequest(
                parseLimit(limit), cursor == null || cursor.isBlank() ? null : decode(cursor, parameter, refusal));
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        return id.terpadu.common.http.Params.integer(limit, "limit", 1, MAX_LIMIT);
    }

    public static String encode(List<String> values) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> decode(String cursor, String parameter, Message refusal) {
        try {
            if (cursor.length() > MAX_CURSOR_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            List<String> values = JSON.readValue(Base64.getUrlDecoder().decode(cursor), VALUES);
            if (values == null || values.isEmpty() || values.contains(null)) {
                throw new IllegalArgumentException("empty");
            }
            return values;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ProblemException.invalid(parameter, refusal);
        }
    }

    static ProblemException invalidCursor(String parameter) {
        return ProblemException.invalid(parameter, Message.of("params.cursor"));
    }
}
