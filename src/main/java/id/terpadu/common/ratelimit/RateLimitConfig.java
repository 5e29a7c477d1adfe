package id.terpadu.common.ratelimit;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.rate-limit.*}: checked at start (a value out of range stops the service with its name). */
@ConfigMapping(prefix = "terpadu.rate-limit")
public interface RateLimitConfig {

    boolean enabled();

    Budget reads();

    Budget writes();

    Budget expensive();

    /** Reports from the public, per client address. */
    Budget publicReports();

    /** Reports from the public, per network of the client address (/24, /48). */
    Budget publicNetworks();

    Budget publicUploads();

    /** The most an instance takes from the shared counter at once (see {@link RateLimiter}). */
    @Min(1)
    int lease();

    /** At most {@code limit} requests per fixed window of whole seconds. */
    interface Budget {
        @Min(1)
        long limit();

        Duration window();
    }
}
