package id.terpadu.incident;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * State of a task given to an agency: ALERTED → ACKNOWLEDGED → ACTIVE → DONE, or UNABLE (with a reason) from any
 * open state. DONE and UNABLE are final.
 */
public enum TaskState {
    ALERTED, ACKNOWLEDGED, ACTIVE, DONE, UNABLE;

    private static final Map<TaskState, Set<TaskState>> NEXT = new EnumMap<>(TaskState.class);

    static {
        NEXT.put(ALERTED, EnumSet.of(ACKNOWLEDGED, UNABLE));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(ACTIVE, UNABLE));
        NEXT.put(ACTIVE, EnumSet.of(DONE, UNABLE));
        NEXT.put(DONE, EnumSet.noneOf(TaskState.class));
        NEXT.put(UNABLE, EnumSet.noneOf(TaskState.class));
    }

    public Set<TaskState> next() {
        return NEXT.get(this);
    }

    public boolean isOpen() {
        return this != DONE && this != UNABLE;
    }
}
