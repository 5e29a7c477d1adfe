package id.terpadu.webhook;

/** PENDING until a 2xx answer (DELIVERED) or until retries would outlast the retry window (FAILED). */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
