package id.terpadu.incident;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.statistics.*}: the compaction of the statistics' deltas into their cubes. Checked at start. */
@ConfigMapping(prefix = "terpadu.statistics")
public interface StatisticsConfig {

    /**
     * How often the deltas are moved into the cubes ({@code off} switches it off: the answers stay exact, reading
     * the deltas, but grow slower with every change not moved).
     */
    @NotBlank
    String compactEvery();

    /** The most deltas one transaction of the compaction moves; it goes on in further transactions while it has more. */
    @Min(100)
    @Max(1_000_000)
    int compactBatch();
}
