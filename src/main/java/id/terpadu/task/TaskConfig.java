package id.terpadu.task;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.tasks.*}: the escalation of overdue tasks. Checked at start. */
@ConfigMapping(prefix = "terpadu.tasks")
public interface TaskConfig {

    /** How often overdue tasks are looked for ({@code off} switches the job off). */
    @NotBlank
    String escalationEvery();

    /**
     * How long a task escalated to its province's team may stay overdue before it climbs to the national team. At
     * least an hour: a climb is a message to a secretariat, not a retry.
     */
    @DurationMin(hours = 1)
    Duration escalateAgainAfter();
}
