package id.terpadu.common.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way a time is written in an HTTP header ({@code Upload-Expires}, and any date header to come): the
 * IMF-fixdate of RFC 9110 §5.6.7, {@code Sun, 06 Nov 1994 08:49:37 GMT}. Its day always has two digits; Java's
 * {@code RFC_1123_DATE_TIME} writes {@code Tue, 8 Dec 2026}, which RFC 9110 does not allow a sender to write.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HttpDates() {}

    /** The instant as an IMF-fixdate, in GMT, to the second. */
    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
