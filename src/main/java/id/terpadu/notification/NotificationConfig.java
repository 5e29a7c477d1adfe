package id.terpadu.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.notifications.*}: the inbox's fan-out and the emails. Checked at start. */
@ConfigMapping(prefix = "terpadu.notifications")
public interface NotificationConfig {

    /** How often new events are turned into inbox entries and emails ({@code off} switches it off). */
    @NotBlank
    String fanOutEvery();

    /**
     * How often deadlines are looked for (tasks and meeting decisions due soon or overdue, community reports past
     * their service level, conflict statuses ending) ({@code off} switches it off).
     */
    @NotBlank
    String scheduleEvery();

    /** How often emails due are sent ({@code off} switches it off). */
    @NotBlank
    String emailEvery();

    /**
     * The SMTP server's host. Without one no email is written or sent: notifications reach the inbox only (the
     * development default). Port, TLS and credentials are Quarkus Mailer's ({@code quarkus.mailer.*}).
     */
    Optional<String> smtpHost();

    /** The SMTP host when one is configured (an empty value is none). */
    static Optional<String> smtp(NotificationConfig config) {
        return config.smtpHost().filter(host -> !host.isBlank());
    }

    /** The sender of the emails. */
    @NotBlank
    String from();

    /** The address the links in emails start with: the service as its readers reach it. */
    @NotBlank
    String linkBase();

    /** How long before its due time a task's reminder goes out. */
    @DurationMin(minutes = 1)
    Duration dueSoon();

    /** How long before its last day ends a Status Keadaan Konflik's reminder goes out. */
    @DurationMin(hours = 1)
    Duration statusEndingWithin();

    /** Events turned into entries per fan-out transaction. */
    @Min(1)
    @Max(10_000)
    int fanOutBatch();

    /** Emails claimed per poll and sender. */
    @Min(1)
    @Max(1_000)
    int emailBatch();

    /** Threads sending emails side by side. */
    @Min(1)
    @Max(64)
    int emailSenders();

    /** The first retry of an email the SMTP server refused waits about this long, doubling up to the maximum. */
    @DurationMin(millis = 100)
    Duration backoffBase();

    @DurationMin(seconds = 1)
    Duration backoffMax();

    /** After this many attempts an email is given up (FAILED); the inbox entry stays. */
    @Min(1)
    @Max(1_000)
    int maxAttempts();

    /** How long a claimed email is held by its sender before another may take it over (a sender that died). */
    @DurationMin(seconds = 1)
    Duration lease();

    /** When a daily digest goes out, in Asia/Jakarta time. */
    LocalTime digestAt();
}
