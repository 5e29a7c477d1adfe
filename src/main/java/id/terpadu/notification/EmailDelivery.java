package id.terpadu.notification;

/** Whether a person's emails go out at once or together once a day. */
public enum EmailDelivery {
    IMMEDIATE,
    DAILY_DIGEST
}
