package id.terpadu.common.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message of the project's bundles: a stable key and its named parameters, worded in the caller's language only
 * when the answer is written ({@link Messages}). The key is looked up in {@code messages/problems*.properties}, then
 * in {@code ValidationMessages*.properties}; a parameter {@code {name}} of the wording takes the value of that name.
 * Parameters are what the service checked or holds (codes, ids, numbers, dates, field names), never raw input. A
 * field refused with a message carries its key as {@code code} and its parameters as {@code params}.
 */
public record Message(String key, Map<String, Object> params) {

    public Message {
        params = params == null || params.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Message of(String key) {
        return new Message(key, null);
    }

    public static Message of(String key, String name, Object value) {
        return new Message(key, params(name, value));
    }

    public static Message of(String key, String name1, Object value1, String name2, Object value2) {
        Map<String, Object> params = params(name1, value1);
        params.put(name2, value2);
        return new Message(key, params);
    }

    public static Message of(
            String key, String name1, Object value1, String name2, Object value2, String name3, Object value3) {
        Map<String, Object> params = params(name1, value1);
        params.put(name2, value2);
        params.put(name3, value3);
        return new Message(key, params);
    }

    public static Message of(
            String key,
            String name1,
            Object value1,
            String name2,
            Object value2,
            String name3,
            Object value3,
            String name4,
            Object value4) {
        Map<String, Object> params = params(name1, value1);
        params.put(name2, value2);
        params.put(name3, value3);
        params.put(name4, value4);
        return new Message(key, params);
    }

    /** The message worded in {@code language} ({@code id} or {@code en}). */
    public String in(String language) {
        return Messages.word(key, params, language);
    }

    private static Map<String, Object> params(String name, Object value) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(name, value);
        return params;
    }

    @Override
    public String toString() {
        return in("en");
    }
}
