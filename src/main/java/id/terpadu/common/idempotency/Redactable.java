package id.terpadu.common.idempotency;

/**
 * An answer that carries a secret shown only once (an API key, a webhook secret). The Idempotency-Key store keeps
 * {@link #redacted()} instead, so a replay returns the record without its secret and no secret rests in the store.
 */
public interface Redactable {

    Object redacted();
}
