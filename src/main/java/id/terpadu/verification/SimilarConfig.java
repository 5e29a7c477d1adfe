package id.terpadu.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code terpadu.similar.*}: the search for likely duplicates ({@link Similar}). Checked at start. */
@ConfigMapping(prefix = "terpadu.similar")
public interface SimilarConfig {

    /**
     * Candidates lie within this many hours before or after the record's time (an incident's occurredFrom, an early
     * warning's creation, a community report's occurredAt): second reports of an event come within days.
     */
    @WithDefault("72")
    @Min(1)
    @Max(720)
    int windowHours();
}
