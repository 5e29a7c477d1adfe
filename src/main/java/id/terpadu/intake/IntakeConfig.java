package id.terpadu.intake;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code terpadu.intake.*}: community reports. Checked at start (a value out of range stops the service). */
@ConfigMapping(prefix = "terpadu.intake")
public interface IntakeConfig {

    /** The service level: a team's first action on a report within this many working days. */
    @Min(1)
    @Max(30)
    int serviceLevelDays();

    Altcha altcha();

    /**
     * The queue of reports located by a point alone (no region code): the queue of this region's team (by the usual
     * rule: the kabupaten/kota's team, else the province's). Unset: the national queue, which only a national scope
     * reads and triages.
     */
    Optional<String> unlocatedRegion();

    /** How far (km) from a report's point the kabupaten/kota of recorded incidents are offered as a hint. */
    @WithDefault("5")
    @Min(1)
    @Max(50)
    int hintRadiusKm();

    Photos photos();

    /** What a reporter may send with a report through its upload key. */
    interface Photos {

        /** How long the upload key of a report works after the report. */
        @WithDefault("1H")
        Duration keyExpiry();

        /** The photos one report may have. */
        @WithDefault("5")
        @Min(0)
        @Max(50)
        int maxFiles();

        /** The bytes all photos of one report may have together (and so the largest photo). */
        @WithDefault("20M")
        MemorySize maxBytes();
    }

    /** The proof-of-work challenge a public submission must solve (ALTCHA, SHA-256). */
    interface Altcha {

        /** The secret the challenges are signed with (HMAC-SHA-256). */
        @Size(min = 32, max = 512)
        String hmacKey();

        /** The largest number a client may have to try: the work of one submission (about half of it on average). */
        @Min(10)
        @Max(10_000_000)
        long maxNumber();

        /** How long a challenge may be solved and redeemed. */
        Duration expiry();
    }
}
