package id.terpadu.incident;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** An export that runs past terpadu.exports.max-duration is cut off between rows. */
class ExportDeadlineTest {

    @Test
    void theDeadlineHoldsUpToItsEndAndCutsOffAfter() {
        IncidentExport.Deadline deadline = new IncidentExport.Deadline(Duration.ofSeconds(10), 0);
        assertThatCode(() -> deadline.check(10_000_000_000L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> deadline.check(10_000_000_001L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PT10S");
    }

    @Test
    void rowsAreCheckedEveryFewHundredAndTheExportStopsOnceLate() {
        // started 20 s ago with a maximum of 10 s: the first check (not the first row) stops it
        IncidentExport.Deadline late =
                new IncidentExport.Deadline(Duration.ofSeconds(10), System.nanoTime() - 20_000_000_000L);
        Object[] row = new Object[0];
        for (int i = 1; i < IncidentExport.Deadline.CHECK_EVERY; i++) {
            late.accept(row);
        }
        assertThatThrownBy(() -> late.accept(row)).isInstanceOf(IllegalStateException.class);
        // in time: never stopped
        IncidentExport.Deadline timely = new IncidentExport.Deadline(Duration.ofMinutes(10), System.nanoTime());
        assertThatCode(() -> {
                    for (int i = 0; i < 10 * IncidentExport.Deadline.CHECK_EVERY; i++) {
                        timely.accept(row);
                    }
                })
                .doesNotThrowAnyException();
    }
}
