package id.terpadu.intake;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The service level's clock: a number of working days (Monday to Friday, in {@code Asia/Jakarta}) after a moment, at
 * the same time of day. Public holidays (libur nasional, cuti bersama) are not counted out: the government's list
 * changes every year and no list of it is kept here.
 */
final class WorkingDays {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private WorkingDays() {}

    static Instant after(Instant from, int days) {
        ZonedDateTime at = from.atZone(ZONE);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }
}
