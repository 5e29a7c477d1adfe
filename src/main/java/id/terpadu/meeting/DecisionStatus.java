package id.terpadu.meeting;

import java.util.Set;

import id.terpadu.common.state.StateTable;

/**
 * Follow-up of a meeting decision: OPEN → IN_PROGRESS → DONE, or DROPPED (with a note) while open. An open decision
 * may also get a progress note without changing status. DONE and DROPPED are final: a decision marked so by mistake
 * is reopened by an operation of its own (back to IN_PROGRESS, {@link MeetingService#reopenDecision}), not by a move
 * of this table.
 */
public enum DecisionStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    DROPPED;

    /** The moves this status allows; a forbidden one is a 409 listing the allowed ones. */
    public static final StateTable<DecisionStatus> TABLE = StateTable.of(DecisionStatus.class)
            .from(OPEN, OPEN, IN_PROGRESS, DONE, DROPPED)
            .from(IN_PROGRESS, IN_PROGRESS, DONE, DROPPED)
            .from(DONE)
            .from(DROPPED)
            .build();

    public Set<DecisionStatus> next() {
        return TABLE.next(this);
    }

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
