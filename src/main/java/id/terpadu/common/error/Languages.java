package id.terpadu.common.error;

import java.util.Locale;

/**
 * Picks the language of an answer from {@code Accept-Language}: {@code id} (default) or {@code en}. The one choice of
 * language: problem documents, reference labels and the validator's messages ({@link ValidationLanguage}) all follow
 * it, and a localized answer names it in {@code Content-Language} with {@code Vary: Accept-Language}.
 */
public final class Languages {

    public static final String DEFAULT = "id";
    public static final String ENGLISH = "en";

    private Languages() {}

    public static String pick(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        String best = null;
        double bestQ = 0;
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String language = tag.startsWith("en") ? "en" : tag.startsWith("id") || tag.startsWith("in") ? "id" : null;
            if (language != null && q > bestQ) {
                best = language;
                bestQ = q;
            }
        }
        return best == null ? DEFAULT : best;
    }

    public static Locale locale(String language) {
        return ENGLISH.equals(language) ? Locale.ENGLISH : Locale.forLanguageTag(DEFAULT);
    }
}
