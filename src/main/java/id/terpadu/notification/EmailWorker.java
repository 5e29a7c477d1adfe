package id.terpadu.notification;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;

import id.terpadu.common.retry.Backoff;

/**
 * Sends the emails the fan-out wrote. Each sender claims a batch of due emails with {@code FOR UPDATE SKIP LOCKED}
 * in one autocommit statement that also sets a lease ({@code next_attempt_at} pushed to the lease's end and the
 * attempt counted), sends them through Quarkus Mailer's mail client, and records each outcome: SENT, or the next attempt after
 * {@link Backoff}, or FAILED after {@code max-attempts}. An instance that dies mid-batch leaves its emails to be taken
 * over when the lease ends, so a restart loses nothing; the one window for a second copy is a death between the SMTP
 * server's acceptance and the record of it, and that copy carries the same {@code Message-ID}
 * ({@code <notification-EVENT-ACCOUNT@terpadu>}), which mail clients take as the same message. Daily-digest emails of
 * one person due together go out as one message.
 * <p>
 * The email names no person and no record's content: the kind of event and a link, which the recipient opens with
 * their own account (and rights). The template follows the account's language (Indonesian or English).
 * <p>
 * Plain JDBC: senders are threads of their own, outside any request.
 */
@ApplicationScoped
public class EmailWorker {

    static final int MAX_ERROR = 300;

    private final DataSource dataSource;
    private final MailClient mailer;
    private final Engine qute;
    private final NotificationConfig config;
    private final Backoff backoff;
    private final ExecutorService senders;

    EmailWorker(DataSource dataSource, MailClient mailer, Engine qute, NotificationConfig config) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.qute = qute;
        this.config = config;
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(config.emailSenders(), r -> {
            Thread t = new Thread(r, "notification-email-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void start(@jakarta.enterprise.event.Observes StartupEvent start) {
        if (NotificationConfig.smtp(config).isEmpty()) {
            Log.info(
                    "Email notifications are off: no SMTP host (TERPADU_SMTP_HOST); notifications reach the inbox only");
        } else {
            Log.infof(
                    "Email notifications go through the SMTP server at %s",
                    NotificationConfig.smtp(config).get());
        }
    }

    @PreDestroy
    void stop() {
        // emails being sent are not recorded; their leases end and they are sent again, with the same Message-ID
        senders.shutdownNow();
    }

    /** A claimed email with what its message needs. */
    record Claim(
            long id,
            int attempts,
            boolean digest,
            UUID accountId,
            String address,
            String language,
            boolean active,
            long eventId,
            String kind,
            String path) {}

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.notifications.email-every}",
            delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (NotificationConfig.smtp(config).isEmpty()) {
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < config.emailSenders(); i++) {
            running.add(senders.submit(this::drain));
        }
        for (Future<?> sender : running) {
            try {
                sender.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                Log.warnf(
                        "Notification emails: a sender stopped: %s",
                        e.getCause().toString());
            }
        }
    }

    /** Sends batches until none is due (bounded: at most 1,000 batches a poll per sender). */
    private void drain() {
        for (int round = 0; round < 1_000; round++) {
            try {
                if (sendBatch() == 0) {
                    return;
                }
            } catch (SQLException e) {
                Log.warnf("Notification emails could not be claimed: %s", e.getMessage());
                return;
            }
        }
    }

    /** Claims one batch, sends it and records the outcomes; returns how many were claimed. */
    public int sendBatch() throws SQLException {
        List<Claim> claims = claim();
        List<Long> sent = new ArrayList<>();
        List<Claim> failed = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        Map<UUID, List<Claim>> digests = new LinkedHashMap<>();
        for (Claim claim : claims) {
            if (!claim.active() || claim.address() == null) {
                // deactivated, or the address removed since: nobody to write to
                dropped.add(claim.id());
            } else if (claim.digest()) {
                digests.computeIfAbsent(claim.accountId(), a -> new ArrayList<>())
                        .add(claim);
            } else {
                send(List.of(claim), sent, failed, errors);
            }
        }
        for (List<Claim> digest : digests.values()) {
            send(digest, sent, failed, errors);
        }
        record(sent, failed, errors, dropped);
        return claims.size();
    }

    private void send(List<Claim> claims, List<Long> sent, List<Claim> failed, List<String> errors) {
        Claim first = claims.get(0);
        boolean digest = first.digest();
        String language = "en".equals(first.language()) ? "en" : "id";
        List<Map<String, String>> entries = claims.stream()
                .map(c -> Map.of("kind", c.kind(), "link", config.linkBase() + c.path()))
                .toList();
        Map<String, Object> data = Map.of(
                "digest",
                digest,
                "count",
                claims.size(),
                "kind",
                first.kind(),
                "entries",
                entries,
                "settings",
                config.linkBase() + "/api/v1/me/notification-preferences");
        try {
            String subject = qute.getTemplate("notification/subject-" + language)
                    .data(data)
                    .render()
                    .strip();
            String body =
                    qute.getTemplate("notification/body-" + language).data(data).render();
            String messageId = digest
                    ? "<notification-digest-" + first.id() + "-" + first.accountId() + "@terpadu>"
                    : "<notification-" + first.eventId() + "-" + first.accountId() + "@terpadu>";
            // the mail client of Quarkus Mailer, given a message with no Cc list: the mailer hands it an empty one,
            // which becomes an empty Cc header (RFC 5322 wants an address there; a spam filter counts it against us)
            MailMessage message = new MailMessage()
                    .setFrom(config.from())
                    .setTo(first.address())
                    .setSubject(subject)
                    .setText(body)
                    .addHeader("Message-ID", messageId)
                    .addHeader("Auto-Submitted", "auto-generated");
            mailer.sendMail(message).toCompletionStage().toCompletableFuture().join();
            claims.forEach(c -> sent.add(c.id()));
        } catch (RuntimeException e) {
            Throwable failure =
                    e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            String error = failure.getClass().getSimpleName()
                    + (failure.getCause() == null
                            ? ""
                            : ": " + failure.getCause().getClass().getSimpleName());
            for (Claim c : claims) {
                failed.add(c);
                errors.add(error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            }
        }
    }

    private List<Claim> claim() throws SQLException {
        List<Claim> claims = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        with due as (
                            select id from notification_email
                            where status = 'PENDING' and next_attempt_at <= now()
                            order by next_attempt_at, id limit ? for update skip locked)
                        update notification_email m
                        set next_attempt_at = now() + make_interval(secs => ?), attempts = m.attempts + 1
                        from due, account a, notification_event v
                        where m.id = due.id and a.id = m.account_id and v.id = m.event_id
                        returning m.id, m.attempts, m.digest, m.account_id, a.email, a.language, a.active, v.id,
                                  v.kind, v.entity_type, v.entity_id, v.parent_type, v.parent_id""")) {
            ps.setInt(1, config.emailBatch());
            ps.setDouble(2, config.lease().toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.add(new Claim(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getBoolean(3),
                            rs.getObject(4, UUID.class),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7),
                            rs.getLong(8),
                            rs.getString(9),
                            NotificationRepository.path(
                                    rs.getString(10),
                                    rs.getObject(11, UUID.class),
                                    rs.getString(12),
                                    rs.getObject(13, UUID.class))));
                }
            }
        }
        claims.sort(java.util.Comparator.comparingLong(Claim::id));
        return claims;
    }

    private void record(List<Long> sent, List<Claim> failed, List<String> errors, List<Long> dropped)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!sent.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update notification_email set status = 'SENT', sent_at = now(), last_error = null
                        where id = any (?)""")) {
                    Array ids = c.createArrayOf("bigint", sent.toArray());
                    ps.setArray(1, ids);
                    ps.executeUpdate();
                }
            }
            if (!dropped.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update notification_email set status = 'FAILED', last_error = 'no active account with an address'
                        where id = any (?)""")) {
                    ps.setArray(1, c.createArrayOf("bigint", dropped.toArray()));
                    ps.executeUpdate();
                }
            }
            if (!failed.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        update notification_email
                        set status = case when attempts >= ? then 'FAILED' else 'PENDING' end,
                            next_attempt_at = now() + make_interval(secs => ?), last_error = ?
                        where id = ?""")) {
                    for (int i = 0; i < failed.size(); i++) {
                        Claim claim = failed.get(i);
                        ps.setInt(1, config.maxAttempts());
                        ps.setDouble(
                                2,
                                backoff.after(claim.attempts(), ThreadLocalRandom.current())
                                                .toMillis()
                                        / 1000.0);
                        ps.setString(3, errors.get(i));
                        ps.setLong(4, claim.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
    }
}
