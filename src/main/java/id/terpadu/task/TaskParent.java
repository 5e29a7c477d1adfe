package id.terpadu.task;

import java.util.UUID;

/** The record a task is given on: an incident or an early warning (exactly one of the two ids). */
public record TaskParent(UUID incidentId, UUID warningId) {

    public TaskParent {
        if ((incidentId == null) == (warningId == null)) {
            throw new IllegalArgumentException("a task has one parent");
        }
    }

    public static TaskParent incident(UUID id) {
        return new TaskParent(id, null);
    }

    public static TaskParent warning(UUID id) {
        return new TaskParent(null, id);
    }

    /** Whether the task is one of this parent's. */
    boolean holds(Task task) {
        return incidentId != null ? incidentId.equals(task.incidentId) : warningId.equals(task.warningId);
    }
}
