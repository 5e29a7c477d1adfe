package id.terpadu.meeting;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Follow-up of a meeting decision: OPEN → IN_PROGRESS → DONE, or DROPPED (with a note) while open. An open decision
 * may also get a progress note without changing status. DONE and DROPPED are final.
 */
public enum DecisionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    private static final Map<DecisionStatus, Set<DecisionStatus>> NEXT = new EnumMap<>(DecisionStatus.class);

    static {
        NEXT.put(OPEN, EnumSet.of(OPEN, IN_PROGRESS, DONE, DROPPED));
        NEXT.put(IN_PROGRESS, EnumSet.of(IN_PROGRESS, DONE, DROPPED));
        NEXT.put(DONE, EnumSet.noneOf(DecisionStatus.class));
        NEXT.put(DROPPED, EnumSet.noneOf(DecisionStatus.class));
    }

    public Set<DecisionStatus> next() {
        return NEXT.get(this);
    }

    public boolean isOpen() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
