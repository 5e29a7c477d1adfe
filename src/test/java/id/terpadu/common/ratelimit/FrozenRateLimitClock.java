package id.terpadu.common.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** A clock the test moves by hand; enabled only by the profile of {@link RateLimitTest}. */
@Alternative
@ApplicationScoped
public class FrozenRateLimitClock extends RateLimitClock {

    /** 2027-01-15T08:00:00Z, the start of a window of any whole number of minutes up to an hour. */
    static final long START = 1_800_000_000_000L - 1_800_000_000_000L % 3_600_000L;

    private volatile long now = START;

    @Override
    public long millis() {
        return now;
    }

    public void set(long millis) {
        now = millis;
    }
}
