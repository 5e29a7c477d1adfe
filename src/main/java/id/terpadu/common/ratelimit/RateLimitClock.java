package id.terpadu.common.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;

/** The time the rate limiter reads: the wall clock, which every instance shares closely enough to agree on windows. */
@ApplicationScoped
public class RateLimitClock {

    public long millis() {
        return System.currentTimeMillis();
    }
}
