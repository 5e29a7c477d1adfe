package id.terpadu.common.http;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import id.terpadu.common.error.ProblemException;

/**
 * Parses query parameters that JAX-RS would otherwise answer with a bare 404 when malformed: an enum value or a
 * UUID that cannot be read is a 400 naming the parameter (and the allowed values).
 */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ProblemException.invalid(field, "'" + value + "' is not one of " + String.join(", ", allowed), allowed);
        }
    }

    public static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID such as 3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10");
        }
    }

    public static Integer integer(String value, String field, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
