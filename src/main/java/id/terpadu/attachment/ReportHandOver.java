package id.terpadu.attachment;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.terpadu.attachment.AttachmentDtos.AttachmentResponse;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.persistence.ReportedFiles;
import id.terpadu.common.security.Classification;

/**
 * A community report's photos, counted for the reporter and moved, when the report is accepted, to the record it
 * became: re-parented in the accepting transaction (not copied: the bytes stay where they are, and a photo is one
 * attachment wherever it is). Until then a photo's changes are logged as {@code intake-photo} (never published);
 * the move is its first entry as an {@code attachment} (a CREATE of its new version), published as the record's
 * attachments are.
 */
@ApplicationScoped
class ReportHandOver implements ReportedFiles {

    private final AttachmentRepository attachments;
    private final Records records;

    ReportHandOver(AttachmentRepository attachments, Records records) {
        this.attachments = attachments;
        this.records = records;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public int received(UUID reportId) {
        return (int) attachments.count("reportedIn = ?1 and status = ?2", reportId, AttachmentStatus.AVAILABLE);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int handOver(UUID reportId, String recordType, UUID recordId, String regionCode, Classification least) {
        ParentType type = ParentType.of(recordType);
        if (type == null || type == ParentType.INTAKE_REPORT) {
            throw new IllegalArgumentException("a report's photos go to an incident or early warning");
        }
        List<Attachment> photos = attachments.list(
                "intakeReportId = ?1 and status = ?2 order by createdAt, id", reportId, AttachmentStatus.AVAILABLE);
        for (Attachment a : photos) {
            a.parent(type, recordId);
            a.regionCode = regionCode;
            if (a.classification.compareTo(least) < 0) {
                a.classification = least;
            }
            records.entered(
                    a,
                    AttachmentService.ATTACHMENT,
                    a.regionCode,
                    x -> AttachmentResponse.from(x, null),
                    AttachmentResponse::logged);
        }
        return photos.size();
    }
}
