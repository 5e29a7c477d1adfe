package id.terpadu.task;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * State of a task given to an agency: ALERTED → ACKNOWLEDGED → ACTIVE → DONE, or UNABLE (with a reason) from any
 * open state. DONE and UNABLE are final.
 */
public enum TaskState {
    ALERTED,
    ACKNOWLEDGED,
    ACTIVE,
    DONE,
    UNABLE;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<TaskState> TABLE = StateTable.of(TaskState.class)
            .from(ALERTED, ACKNOWLEDGED, UNABLE)
            .from(ACKNOWLEDGED, ACTIVE, UNABLE)
            .from(ACTIVE, DONE, UNABLE)
            .from(DONE)
            .from(UNABLE)
            .build();

    public Set<TaskState> next() {
        return TABLE.next(this);
    }

    public boolean isOpen() {
        return this != DONE && this != UNABLE;
    }
}
