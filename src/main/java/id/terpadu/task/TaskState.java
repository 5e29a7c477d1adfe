package id.terpadu.task;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * State of a task given to an agency: ALERTED → ACKNOWLEDGED → ACTIVE → DONE, or UNABLE (the agency cannot, with a
 * reason) or CANCELLED (the secretariat withdraws it, with a reason) from any open state. DONE, UNABLE and CANCELLED
 * are final.
 */
public enum TaskState {
    ALERTED,
    ACKNOWLEDGED,
    ACTIVE,
    DONE,
    UNABLE,
    CANCELLED;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<TaskState> TABLE = StateTable.of(TaskState.class)
            .from(ALERTED, ACKNOWLEDGED, UNABLE, CANCELLED)
            .from(ACKNOWLEDGED, ACTIVE, UNABLE, CANCELLED)
            .from(ACTIVE, DONE, UNABLE, CANCELLED)
            .from(DONE)
            .from(UNABLE)
            .from(CANCELLED)
            .build();

    public Set<TaskState> next() {
        return TABLE.next(this);
    }

    public boolean isOpen() {
        return this == ALERTED || this == ACKNOWLEDGED || this == ACTIVE;
    }
}
