package id.terpadu.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event of the outbox (see {@link NotificationQueue}, {@link DeadlineReminders}); read-only here. */
@Entity
@Table(name = "notification_event")
public class NotificationEvent {

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    public String entityType;
    public UUID entityId;
    public Long entityVersion;
    public String regionCode;
    public UUID teamId;
    public String parentType;
    public UUID parentId;
    public Instant occurredAt;
}
