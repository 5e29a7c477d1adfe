package id.terpadu.actionplan;

import java.time.LocalDate;

/** The four-monthly reporting periods of a Rencana Aksi Terpadu: B04 (Jan–Apr), B08 (May–Aug), B12 (Sep–Dec). */
public enum Period {
    B04(1),
    B08(5),
    B12(9);

    private final int startMonth;

    Period(int startMonth) {
        this.startMonth = startMonth;
    }

    public LocalDate startsOn(int year) {
        return LocalDate.of(year, startMonth, 1);
    }

    public LocalDate endsOn(int year) {
        return startsOn(year).plusMonths(4).minusDays(1);
    }
}
