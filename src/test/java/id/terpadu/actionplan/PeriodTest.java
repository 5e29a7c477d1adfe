package id.terpadu.actionplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The three four-monthly reporting periods of a Rencana Aksi Terpadu (Permendagri 42/2015; Kemendagri evaluates the
 * plans every four months as B-04, B-08 and B-12), without a Quarkus boot.
 */
class PeriodTest {

    @Test
    void eachPeriodRunsFourCalendarMonths() {
        assertThat(Period.B04.startsOn(2024)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(Period.B04.endsOn(2024)).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(Period.B08.startsOn(2024)).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(Period.B08.endsOn(2024)).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(Period.B12.startsOn(2024)).isEqualTo(LocalDate.of(2024, 9, 1));
        assertThat(Period.B12.endsOn(2024)).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void thePeriodsCoverTheYearWithoutGapOrOverlapInLeapAndCommonYears() {
        for (int year : new int[] {2023, 2024, 2100}) {
            LocalDate expectedStart = LocalDate.of(year, 1, 1);
            long days = 0;
            for (Period period : Period.values()) {
                assertThat(period.startsOn(year)).as("%s %d", period, year).isEqualTo(expectedStart);
                assertThat(period.endsOn(year)).isAfter(period.startsOn(year));
                days += period.endsOn(year).toEpochDay() - period.startsOn(year).toEpochDay() + 1;
                expectedStart = period.endsOn(year).plusDays(1);
            }
            assertThat(expectedStart).isEqualTo(LocalDate.of(year + 1, 1, 1));
            assertThat(days)
                    .as("days of %d", year)
                    .isEqualTo(LocalDate.of(year, 1, 1).lengthOfYear());
        }
    }

    @Test
    void theFirstPeriodOfALeapYearHasOneDayMore() {
        long common =
                Period.B04.endsOn(2023).toEpochDay() - Period.B04.startsOn(2023).toEpochDay() + 1;
        long leap =
                Period.B04.endsOn(2024).toEpochDay() - Period.B04.startsOn(2024).toEpochDay() + 1;
        assertThat(common).isEqualTo(120);
        assertThat(leap).isEqualTo(121);
    }

    @Test
    void thePeriodsAreInCalendarOrder() {
        assertThat(Period.values()).containsExactly(Period.B04, Period.B08, Period.B12);
    }
}
