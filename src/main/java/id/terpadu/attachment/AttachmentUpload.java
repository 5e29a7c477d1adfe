package id.terpadu.attachment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * An upload under way: how much of the attachment's bytes has arrived and until when it may go on. Kept apart from
 * the attachment so that its progress is not a change of the record (no new version, nothing in the change log).
 */
@Entity
public class AttachmentUpload {

    @Id
    public UUID attachmentId;

    public long uploadOffset;
    public Instant expiresAt;
    public UUID lease;
    public Instant leaseUntil;
}
