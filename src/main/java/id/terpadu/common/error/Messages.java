package id.terpadu.common.error;

import java.util.Collection;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import io.quarkus.logging.Log;

/**
 * Words {@link Message}s from the bundles: {@code messages/problems.properties} (English) and
 * {@code messages/problems_id.properties} (Indonesian) hold the project's own messages,
 * {@code ValidationMessages*.properties} those of the constraints. A bundle of a language is never replaced by the
 * one of the machine's default locale: a server set to Indonesian still answers {@code Accept-Language: en} in English.
 */
public final class Messages {

    public static final String PROBLEMS = "messages.problems";
    public static final String VALIDATION = "ValidationMessages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    public static ResourceBundle bundle(String name, String language) {
        return ResourceBundle.getBundle(name, Languages.locale(language), Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** The wording of {@code key} in {@code language}, with its parameters put in. */
    static String word(String key, Map<String, Object> params, String language) {
        return interpolate(pattern(key, language), params, language);
    }

    private static String pattern(String key, String language) {
        for (String name : new String[] {PROBLEMS, VALIDATION}) {
            ResourceBundle bundle = bundle(name, language);
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        // a test proves that every key used in the code exists; should one slip through, the answer names the key
        Log.errorf("No message %s in the bundles", key);
        return key;
    }

    private static String interpolate(String pattern, Map<String, Object> params, String language) {
        StringBuilder worded = new StringBuilder(pattern.length() + 32);
        int at = 0;
        while (at < pattern.length()) {
            int open = pattern.indexOf('{', at);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            if (close < 0) {
                worded.append(pattern, at, pattern.length());
                break;
            }
            String name = pattern.substring(open + 1, close);
            worded.append(pattern, at, open);
            if (params.containsKey(name)) {
                worded.append(text(params.get(name), language));
            } else {
                worded.append(pattern, open, close + 1);
            }
            at = close + 1;
        }
        return worded.toString();
    }

    private static String text(Object value, String language) {
        if (value instanceof Message message) {
            return message.in(language);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> text(v, language)).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
