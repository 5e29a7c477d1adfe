package id.terpadu.attachment;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.security.Clearance;

/** The attachments a record's reader may read: available, and of a classification the reader is cleared for. */
@ApplicationScoped
class ReadableAttachmentCounts implements AttachmentCounts {

    private final AttachmentRepository attachments;
    private final Clearance clearance;

    ReadableAttachmentCounts(AttachmentRepository attachments, Clearance clearance) {
        this.attachments = attachments;
        this.clearance = clearance;
    }

    @Override
    public Map<UUID, Integer> of(Collection<UUID> recordIds) {
        return attachments.available(recordIds, clearance.readable());
    }
}
