package id.terpadu.intake;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes: 10 characters of Crockford's base32 (50 random bits from {@link SecureRandom}), shown in groups
 * for reading over the phone ({@code K7QM-4XPD-R2}). Reading one back forgives what a person does: lower case,
 * dashes and spaces, O for 0, I and L for 1.
 */
final class TrackingCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 10;
    /** What a malformed code is looked up as: the same query as any code, for a code that cannot exist (no U). */
    static final String NONE = "UUUUUUUUUU";
    /** Longer input is not even read. */
    static final int MAX_INPUT = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    static String random() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** {@code K7QM4XPDR2} → {@code K7QM-4XPD-R2}. */
    static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** The stored form of what a person typed, or {@link #NONE} when it cannot be a code. */
    static String normalise(String input) {
        if (input == null || input.length() > MAX_INPUT) {
            return NONE;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        boolean valid = true;
        for (char c : input.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '-', ' ' -> {}
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> {
                    valid &= ALPHABET.indexOf(c) >= 0;
                    code.append(c);
                }
            }
        }
        return valid && code.length() == LENGTH ? code.toString() : NONE;
    }
}
