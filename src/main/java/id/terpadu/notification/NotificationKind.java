package id.terpadu.notification;

/**
 * What a notification is about. The task kinds follow a task from its agency's alert to its climb; a warning of risk
 * TINGGI reaches the people of its region.
 */
public enum NotificationKind {
    /** A task was given to your agency (created, or moved to it). */
    TASK_ASSIGNED,
    /** The agency acknowledged a task your secretariat gave. */
    TASK_ACKNOWLEDGED,
    /** A task of your agency is due within 24 hours (a reminder, once per due time). */
    TASK_DUE_SOON,
    /** A task of your agency, or one your secretariat gave, is past its due time and still open (once per due time). */
    TASK_OVERDUE,
    /** An overdue task was escalated to your team (its secretariat). */
    TASK_ESCALATED,
    /** An early warning of risk TINGGI in your region (new, or raised to TINGGI). */
    WARNING_HIGH_RISK
}
