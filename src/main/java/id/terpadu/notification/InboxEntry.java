package id.terpadu.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's inbox entry: one event, one account; read or not. Written by {@link FanOut}. */
@Entity
@Table(name = "notification")
public class InboxEntry {

    @Id
    public Long id;

    public UUID accountId;
    public Long eventId;
    public Instant createdAt;
    public Instant readAt;
}
