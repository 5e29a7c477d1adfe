package id.terpadu.common.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;

/**
 * Per-caller budgets that hold across every instance of the service: the counters live in PostgreSQL (table
 * {@code rate_limit}, one row per policy, caller and fixed window), and each instance takes the budget in small
 * leases so that not every request costs a round trip.
 *
 * <p>A lease is one {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}: it adds up to {@link #leaseSize} to the
 * shared counter and learns how much of it was still within the limit. The instance then admits that many requests
 * of the caller from memory. The instances together never admit more than the limit in a window; a lease an
 * instance does not use up is lost for the window (at most {@code lease} requests per instance and caller), and
 * once the counter says the budget is spent the instance refuses the caller until the window ends without asking
 * the database again. Windows are aligned to the epoch, so every instance agrees on them.
 *
 * <p>If the database cannot be reached the limiter admits (a lease is granted locally) and logs it: the limiter
 * must not be the reason a request fails, and such a request meets the same database anyway.
 *
 * <p>Plain JDBC on a connection of its own in autocommit: a lease is taken by a request filter before the resource
 * method and its transaction, and must count whatever becomes of the request. {@code bench/rate-limit.sh} measures a
 * lease's latency against {@code pgbench -S}; no figure against the ORM was taken.
 */
@ApplicationScoped
public class RateLimiter {

    /** Above this many callers in memory the local state is dropped (only unused leases are lost). */
    static final int MAX_BUCKETS = 50_000;

    private static final int MAX_CALLER_LENGTH = 200;
    private static final String LEASE = """
            insert into rate_limit as r (policy, caller, window_start, used) values (?, ?, ?, ?)
            on conflict (policy, caller, window_start) do update set used = r.used + excluded.used
            returning used
            """;

    /** What the limiter decided for one request, and what the rate-limit headers say about it. */
    public record Decision(
            Policy policy, long limit, long windowSeconds, boolean allowed, long remaining, long resetSeconds) {

        /**
         * {@code RateLimit-Policy: "reads";q=1200;w=60}, the quota policy in the syntax of the IETF httpapi draft
         * "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers-08 and later). The draft's
         * structured fields are chosen over the older {@code RateLimit-Limit/-Remaining/-Reset} triplet because
         * they name the policy, and a caller here has three (reads, writes, expensive) with different quotas.
         */
        public String policyHeader() {
            return "\"" + policy.id() + "\";q=" + limit + ";w=" + windowSeconds;
        }

        /** {@code RateLimit: "reads";r=1187;t=43}: requests left in the window and seconds until it ends. */
        public String header() {
            return "\"" + policy.id() + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    private record Key(Policy policy, String caller) {}

    /** One caller's state in one policy on this instance. */
    private static final class Bucket {
        long windowStart = Long.MIN_VALUE;
        /** Requests leased and not yet used. */
        long local;
        /** The shared counter as last seen (at most the limit), including what this instance holds. */
        long seen;
        /** The counter said the budget is spent: refuse until the window ends. */
        boolean exhausted;
    }

    private final DataSource dataSource;
    private final RateLimitSettings settings;
    private final RateLimitClock clock;
    private final ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(DataSource dataSource, RateLimitSettings settings, RateLimitClock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Takes one request of the caller's budget in the policy. */
    public Decision acquire(Policy policy, String caller) {
        RateLimitSettings.Budget budget = settings.budget(policy);
        long windowMillis = budget.window().toMillis();
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        long reset = Math.max(1, (start + windowMillis - now + 999) / 1000);
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.clear();
        }
        String id = callerKey(caller);
        Bucket bucket = buckets.computeIfAbsent(new Key(policy, id), k -> new Bucket());
        synchronized (bucket) {
            if (bucket.windowStart != start) {
                bucket.windowStart = start;
                bucket.local = 0;
                bucket.seen = 0;
                bucket.exhausted = false;
            }
            if (bucket.local == 0 && !bucket.exhausted) {
                lease(policy, id, start, budget.limit(), bucket);
            }
            if (bucket.local == 0) {
                return new Decision(policy, budget.limit(), windowMillis / 1000, false, 0, reset);
            }
            bucket.local--;
            return new Decision(
                    policy,
                    budget.limit(),
                    windowMillis / 1000,
                    true,
                    Math.max(0, budget.limit() - bucket.seen + bucket.local),
                    reset);
        }
    }

    /** How much an instance takes at once: a twentieth of the limit, at least 1, at most the configured lease. */
    long leaseSize(long limit) {
        return Math.max(1, Math.min(settings.lease, limit / 20));
    }

    private void lease(Policy policy, String caller, long start, long limit, Bucket bucket) {
        long want = leaseSize(limit);
        long used;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LEASE)) {
            ps.setString(1, policy.id());
            ps.setString(2, caller);
            ps.setLong(3, start);
            ps.setLong(4, want);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                used = rs.getLong(1);
            }
        } catch (SQLException e) {
            Log.warnf("Rate limiter cannot reach the database (%s); admitting %s for now", e.getMessage(), policy.id());
            bucket.local = want;
            bucket.seen = Math.min(limit, bucket.seen + want);
            return;
        }
        long granted = Math.max(0, Math.min(want, limit - (used - want)));
        bucket.local = granted;
        bucket.seen = Math.min(limit, used);
        bucket.exhausted = granted == 0;
    }

    /** Callers are API key ids, token subjects or client addresses; a long subject is stored as its hash. */
    static String callerKey(String caller) {
        if (caller.length() <= MAX_CALLER_LENGTH) {
            return caller;
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(caller.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets what this instance holds (its unused leases are lost, as when an instance stops). */
    void forgetLocalState() {
        buckets.clear();
    }
}
