package id.terpadu.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import id.terpadu.common.changelog.Operation;

/**
 * One event queued for one subscription: inserted with the change (see ChangeLog), sent and updated by the
 * {@link DeliveryWorker}. Queue state, not a record of the API: its changes are not in the change log; its attempts
 * are its log.
 */
@Entity
public class WebhookDelivery {

    @Id
    public UUID id;

    public UUID subscriptionId;
    public long changePosition;
    public String eventType;
    public UUID entityId;

    @Enumerated(EnumType.STRING)
    public Operation operation;

    public long entityVersion;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;
    public Instant nextAttemptAt;
    public Instant retryFrom;
    public UUID lease;
    public String lastError;
    public Instant finishedAt;
    public Instant createdAt;
}
