package id.terpadu.attachment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.persistence.RemovalListener;

/**
 * A record's attachments go with it, each removal in the change log (so a feed reader that saw them come sees them
 * go), their bytes through the removal queue.
 */
@ApplicationScoped
class AttachmentRemovals implements RemovalListener {

    private final AttachmentRepository attachments;
    private final Records records;

    AttachmentRemovals(AttachmentRepository attachments, Records records) {
        this.attachments = attachments;
        this.records = records;
    }

    @Override
    public void removing(RecordType type, UUID id) {
        if (type.equals(AttachmentService.ATTACHMENT) || type.equals(AttachmentService.INTAKE_PHOTO)) {
            return;
        }
        for (Attachment attachment : attachments.under(type.name(), id)) {
            records.deleted(attachment, AttachmentService.typeOf(attachment), attachment.regionCode);
        }
    }
}
