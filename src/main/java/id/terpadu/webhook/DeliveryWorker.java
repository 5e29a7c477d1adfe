package id.terpadu.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import id.terpadu.common.retry.Backoff;

/**
 * Sends queued deliveries. Every poll claims due deliveries of ACTIVE subscriptions with {@code FOR UPDATE SKIP
 * LOCKED} in one short statement that also sets a lease (the claim's id, and {@code next_attempt_at} pushed to the
 * lease's end), so several instances never send the same attempt twice, and an attempt whose instance died is taken
 * over when its lease ends (at-least-once). The attempts run concurrently on the HTTP client, never on the poll's
 * thread, so a receiver that hangs or fails holds up no one else; each outcome is recorded in one statement, by the
 * lease's holder only. 2xx is DELIVERED; anything else is retried with {@link Backoff} until the retry window is
 * spent (FAILED), which disables the subscription. One record's changes go out in the order they were made: a change
 * waits while an earlier change of the same record is still pending (queued, in flight or retrying) for the same
 * subscription; changes of different records go out side by side.
 * <p>
 * Queue work goes through plain JDBC, in autocommit statements: a poll is one statement, and it stays out of the
 * ORM's statistics and session. It runs on the scheduler's thread and the HTTP client's callbacks, outside any
 * request and its persistence context; that, not a measurement, is why it is JDBC (no figure was taken).
 */
@ApplicationScoped
public class DeliveryWorker {

    static final int MAX_ERROR = 500;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final WebhookSettings settings;
    private final WebhookService service;
    private final ExecutorService executor;
    private final HttpClient client;
    private final AtomicInteger inFlight = new AtomicInteger();

    DeliveryWorker(DataSource dataSource, ObjectMapper mapper, WebhookSettings settings, WebhookService service) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.settings = settings;
        this.service = service;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .executor(executor)
                .build();
    }

    @PreDestroy
    void stop() {
        // Attempts still in flight are not recorded; their leases end and another instance sends them again.
        executor.shutdownNow();
    }

    /** A claimed attempt: the delivery, its lease, the target and the change to send. */
    record Claim(UUID id, UUID lease, UUID subscriptionId, int attempts, String url, String secret, byte[] body) {}

    /** The outcome of one attempt. */
    record Outcome(Instant at, Integer statusCode, long latencyMs, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.webhooks.poll-every}",
            delayed = "${terpadu.webhooks.poll-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        int room = settings.maxInFlight - inFlight.get();
        if (room <= 0) {
            return;
        }
        List<Claim> claims;
        try {
            claims = claim(room);
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Webhook deliveries could not be claimed: %s", e.getMessage());
            return;
        }
        for (Claim claim : claims) {
            inFlight.incrementAndGet();
            attempt(claim).whenComplete((outcome, failure) -> {
                try {
                    if (failure != null) {
                        Log.errorf(failure, "Webhook delivery %s: the attempt could not be recorded", claim.id());
                    }
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    List<Claim> claim(int limit) throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                with active as (
                    -- each subscription's room: its share less the attempts in flight (on any instance)
                    select s.id, greatest(0, ? - (select count(*) from webhook_delivery f
                                                  where f.subscription_id = s.id and f.status = 'PENDING'
                                                    and f.lease is not null and f.next_attempt_at > now())) as room
                    from webhook_subscription s
                    where s.status = 'ACTIVE'
                ), due as (
                    select d.id from active a
                    cross join lateral (
                        select d.id, d.next_attempt_at from webhook_delivery d
                        where d.subscription_id = a.id and d.status = 'PENDING' and d.next_attempt_at <= now()
                          -- a record's changes in order: none while an earlier one of it is pending here
                          and not exists (select 1 from webhook_delivery e
                                          where e.subscription_id = d.subscription_id and e.entity_id = d.entity_id
                                            and e.status = 'PENDING' and e.change_position < d.change_position)
                        order by d.next_attempt_at
                        limit a.room
                        for update of d skip locked
                    ) d
                    order by d.next_attempt_at
                    limit ?
                ), claimed as (
                    update webhook_delivery d
                    set lease = gen_random_uuid(), next_attempt_at = now() + make_interval(secs => ?)
                    from due where d.id = due.id
                    returning d.id, d.lease, d.subscription_id, d.attempts, d.change_position, d.operation
                )
                select k.id, k.lease, k.subscription_id, k.attempts, s.url, s.secret, l.position, l.entity_type,
                       l.entity_id, k.operation, l.version, l.occurred_at, cast(l.snapshot as text), l.operation
                from claimed k
                join webhook_subscription s on s.id = k.subscription_id
                join change_log l on l.position = k.change_position
                """)) {
            ps.setInt(1, settings.maxInFlightPerSubscription);
            ps.setInt(2, limit);
            ps.setDouble(3, settings.lease.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode body = mapper.createObjectNode();
                    body.put("position", rs.getLong(7));
                    body.put("entityType", rs.getString(8));
                    body.put("entityId", rs.getObject(9, UUID.class).toString());
                    String operation = rs.getString(10);
                    body.put("operation", operation);
                    body.put("version", rs.getLong(11));
                    body.put(
                            "occurredAt",
                            rs.getObject(12, OffsetDateTime.class).toInstant().toString());
                    if ("DELETE".equals(operation)) {
                        // a delete, or a change that took the record out of the subscription's view: the tombstone
                        // only, never the record as it is now
                        body.put("tombstone", "DELETE".equals(rs.getString(14)) ? "DELETED" : "OUT_OF_VIEW");
                        body.set(
                                "snapshot",
                                mapper.createObjectNode()
                                        .put("id", body.get("entityId").asText())
                                        .put("deleted", true));
                    } else {
                        body.set("snapshot", mapper.readTree(rs.getString(13)));
                    }
                    claims.add(new Claim(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class),
                            rs.getInt(4),
                            rs.getString(5),
                            rs.getString(6),
                            mapper.writeValueAsBytes(body)));
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a change-log snapshot cannot be read", e);
            }
        }
        return claims;
    }

    /** Checks the target's addresses again, sends, and records the outcome. */
    CompletableFuture<Outcome> attempt(Claim claim) {
        return CompletableFuture.supplyAsync(() -> request(claim), executor)
                .thenCompose(request -> {
                    if (request.refused() != null) {
                        return CompletableFuture.completedFuture(
                                new Outcome(Instant.now(), null, 0, request.refused()));
                    }
                    Instant at = Instant.now();
                    long start = System.nanoTime();
                    return client.sendAsync(request.request(), HttpResponse.BodyHandlers.discarding())
                            // the client's timeout ends the wait for headers; this one also ends a body that stalls
                            .orTimeout(settings.requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS)
                            .handle((response, failure) -> {
                                long latency = (System.nanoTime() - start) / 1_000_000;
                                if (failure == null) {
                                    int code = response.statusCode();
                                    return new Outcome(
                                            at, code, latency, code >= 200 && code < 300 ? null : "HTTP " + code);
                                }
                                return new Outcome(at, null, latency, describe(failure));
                            });
                })
                .thenApplyAsync(
                        outcome -> {
                            record(claim, outcome);
                            return outcome;
                        },
                        executor);
    }

    record Prepared(HttpRequest request, String refused) {}

    private Prepared request(Claim claim) {
        URI uri = URI.create(claim.url());
        id.terpadu.common.error.Message refused =
                TargetUrls.refusedAddress(uri.getHost(), settings.allowPrivateTargets);
        if (refused != null) {
            // kept with the delivery, as its other outcomes are, in English
            return new Prepared(null, "refused: " + refused.in(id.terpadu.common.error.Languages.ENGLISH));
        }
        long timestamp = Instant.now().getEpochSecond();
        String id = claim.id().toString();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Terpadu-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(claim.secret(), id, timestamp, claim.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(claim.body()))
                .build();
        return new Prepared(request, null);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timeout: no answer in time";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** Records the attempt and the delivery's new state, if this claim still holds the lease. */
    void record(Claim claim, Outcome outcome) {
        try {
            boolean failed = outcome.delivered() ? recordDelivered(claim, outcome) : recordFailed(claim, outcome);
            if (failed) {
                Log.warnf(
                        "Webhook delivery %s failed for the whole retry window; disabling subscription %s",
                        claim.id(), claim.subscriptionId());
                service.disableAfterFailure(claim.subscriptionId(), claim.id(), outcome.error());
            }
        } catch (SQLException e) {
            // the lease ends and the attempt is made again
            Log.warnf("Webhook delivery %s: the attempt could not be recorded: %s", claim.id(), e.getMessage());
        }
    }

    private boolean recordDelivered(Claim claim, Outcome outcome) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                with d as (
                    update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, lease = null,
                           last_error = null, finished_at = now()
                    where id = ? and lease = ?
                    returning id, attempts
                )
                insert into webhook_attempt (delivery_id, number, attempted_at, status_code, latency_ms, error, retry_at)
                select id, attempts, ?, ?, ?, null, null from d
                """)) {
            ps.setObject(1, claim.id());
            ps.setObject(2, claim.lease());
            ps.setObject(3, OffsetDateTime.ofInstant(outcome.at(), ZoneOffset.UTC));
            ps.setInt(4, outcome.statusCode());
            ps.setLong(5, outcome.latencyMs());
            ps.executeUpdate();
        }
        return false;
    }

    /** Schedules the next attempt, or marks the delivery FAILED when it would fall outside the window; true then. */
    private boolean recordFailed(Claim claim, Outcome outcome) throws SQLException {
        Duration delay = settings.backoff.after(claim.attempts() + 1, ThreadLocalRandom.current());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                with d as (
                    update webhook_delivery
                    set attempts = attempts + 1, lease = null, last_error = ?,
                        status = case when now() + make_interval(secs => ?) > retry_from + make_interval(secs => ?)
                                      then 'FAILED' else 'PENDING' end,
                        finished_at = case when now() + make_interval(secs => ?) > retry_from + make_interval(secs => ?)
                                           then now() end,
                        next_attempt_at = now() + make_interval(secs => ?)
                    where id = ? and lease = ?
                    returning id, attempts, status, next_attempt_at
                )
                insert into webhook_attempt (delivery_id, number, attempted_at, status_code, latency_ms, error, retry_at)
                select id, attempts, ?, ?, ?, ?, case when status = 'PENDING' then next_attempt_at end from d
                returning retry_at is null
                """)) {
            double delaySeconds = delay.toMillis() / 1000.0;
            double window = settings.retryWindow.toMillis() / 1000.0;
            ps.setString(1, outcome.error());
            ps.setDouble(2, delaySeconds);
            ps.setDouble(3, window);
            ps.setDouble(4, delaySeconds);
            ps.setDouble(5, window);
            ps.setDouble(6, delaySeconds);
            ps.setObject(7, claim.id());
            ps.setObject(8, claim.lease());
            ps.setObject(9, OffsetDateTime.ofInstant(outcome.at(), ZoneOffset.UTC));
            if (outcome.statusCode() == null) {
                ps.setNull(10, java.sql.Types.INTEGER);
            } else {
                ps.setInt(10, outcome.statusCode());
            }
            ps.setLong(11, outcome.latencyMs());
            ps.setString(12, outcome.error());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
