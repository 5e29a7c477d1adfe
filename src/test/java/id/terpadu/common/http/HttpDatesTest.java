package id.terpadu.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

public class HttpDatesTest {

    /** RFC 9110 §5.6.7: day-name, two-digit day, month, four-digit year, time, GMT. */
    public static final String IMF_FIXDATE =
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} "
                    + "[0-9]{2}:[0-9]{2}:[0-9]{2} GMT$";

    @Test
    void writesTheImfFixdateWithATwoDigitDay() {
        assertThat(HttpDates.format(Instant.parse("2026-12-08T07:05:09.123Z")))
                .isEqualTo("Tue, 08 Dec 2026 07:05:09 GMT")
                .matches(IMF_FIXDATE);
        assertThat(HttpDates.format(Instant.parse("1994-11-06T08:49:37Z"))).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDates.format(Instant.parse("2027-01-31T23:59:59Z"))).isEqualTo("Sun, 31 Jan 2027 23:59:59 GMT");
    }

    @Test
    void isReadBackAsTheSameSecond() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME
                        .withZone(ZoneOffset.UTC)
                        .parse(HttpDates.format(at))))
                .isEqualTo(at);
    }
}
