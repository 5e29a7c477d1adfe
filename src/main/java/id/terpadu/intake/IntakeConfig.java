package id.terpadu.intake;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.intake.*}: community reports. Checked at start (a value out of range stops the service). */
@ConfigMapping(prefix = "terpadu.intake")
public interface IntakeConfig {

    /** The service level: a team's first action on a report within this many working days. */
    @Min(1)
    @Max(30)
    int serviceLevelDays();

    Altcha altcha();

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
