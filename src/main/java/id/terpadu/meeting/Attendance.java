package id.terpadu.meeting;

/** Whether an invited official attended in person or sent a representative. */
public enum Attendance {
    HADIR,
    DIWAKILI
}
