package id.terpadu.common.validation;

/**
 * Patterns and messages shared by request records. A message is the key of its wording in
 * {@code ValidationMessages.properties} (English) and {@code ValidationMessages_id.properties} (Indonesian), and the
 * {@code code} of the field error it produces. Every pattern is anchored ({@code ^…$}) and uses explicit ASCII
 * ranges, not {@code \d}, {@code \s}, {@code \w} or {@code \p{…}}, whose meaning differs between Java, ECMA-262,
 * Python and RE2: the OpenAPI document carries them as they are, so a validator in another language enforces what Bean
 * Validation does here (which matches the whole value, as the anchors say). One difference stays: in Python and PCRE
 * {@code $} also matches before a final line break, which every pattern but {@link #NOT_BLANK} refuses anyway. Each
 * pattern runs in linear time: no two repeated parts can match the same character.
 */
public final class Constraints {

    /**
     * How far ahead of the service's clock a client's time of something done may lie (a phone's clock, a time rounded
     * up to the end of its second): an incident's occurredFrom, an early warning's observedAt, an activity's
     * occurredAt, a stage move's transitionedAt, an attachment's capturedAt. Further ahead is a 400; within it, an
     * incident's, an activity's or a move's time counts as now.
     */
    public static final java.time.Duration CLOCK_AHEAD = java.time.Duration.ofMinutes(5);

    /**
     * The earliest time a record may say something happened or was seen: an incident's occurredFrom, an early
     * warning's observedAt. Earlier is a 400: a phone whose clock was reset (1970) or a date typed without its century.
     */
    public static final java.time.Instant EARLIEST = java.time.Instant.parse("2000-01-01T00:00:00Z");

    public static final String REGION_CODE = "^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$";
    public static final String REGION_CODE_MESSAGE = "{format.region-code}";

    /** A single line of printable text: no control characters (tabs, line breaks, unit separators …). */
    public static final String ONE_LINE = "^[^\\x00-\\x1F\\x7F]*$";

    public static final String ONE_LINE_MESSAGE = "{format.one-line}";

    /**
     * {@link #ONE_LINE} and not blank: spaces, then a character that is neither a space nor a control character, then
     * any one line (the only blank character a line may hold is the space; written so, it cannot backtrack).
     */
    public static final String ONE_LINE_NOT_BLANK = "^ *[^\\x00-\\x20\\x7F][^\\x00-\\x1F\\x7F]*$";

    public static final String ONE_LINE_NOT_BLANK_MESSAGE = "{format.one-line-not-blank}";

    /**
     * What {@code @NotBlank} accepts, as a pattern for the document: some character above U+0020 (Hibernate Validator
     * trims the characters up to U+0020, and a value with nothing left is blank); line breaks are allowed.
     */
    public static final String NOT_BLANK = "^[\\x00-\\x20]*[^\\x00-\\x20][\\s\\S]*$";

    /** An https link: no white space (the characters Java's {@code \s} names). */
    public static final String HTTPS_LINK = "^https://[^ \\t\\n\\x0B\\f\\r]+$";

    public static final String HTTPS_LINK_MESSAGE = "{format.https-link}";

    private Constraints() {}
}
