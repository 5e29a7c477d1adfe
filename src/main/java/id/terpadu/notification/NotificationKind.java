package id.terpadu.notification;

/**
 * What a notification is about. The task kinds follow a task from its agency's alert to its climb; a warning of risk
 * TINGGI reaches the people of its region; a meeting decision reminds its agency of its due day; a progress report
 * travels between its team and the level that verifies it; a community report waits for its team's triage; a Status
 * Keadaan Konflik nears its end. Each kind is also a key of a person's preferences.
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
    WARNING_HIGH_RISK,
    /** An open decision of a meeting given to your agency is due within 24 hours (once per decision and due day). */
    DECISION_DUE_SOON,
    /** An open decision of a meeting given to your agency is past its due day (once per decision and due day). */
    DECISION_OVERDUE,
    /** A progress report was submitted to your level for verification (the secretariat of the level above). */
    REPORT_SUBMITTED,
    /** A progress report of your team was returned for correction (your team's secretariat). */
    REPORT_RETURNED,
    /** A progress report of your team was verified (your team's secretariat). */
    REPORT_VERIFIED,
    /** A community report waits for your team's triage (received in, or forwarded to, your team's queue). */
    INTAKE_WAITING,
    /** A community report in your team's queue is past its service level and still open (once per report). */
    INTAKE_OVERDUE,
    /** A Status Keadaan Konflik in your region ends within 7 days (once per status and end day). */
    STATUS_ENDING
}
