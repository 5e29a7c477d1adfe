package id.terpadu.attachment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.attachment.AttachmentDtos.AttachmentResponse;
import id.terpadu.attachment.AttachmentDtos.Upload;
import id.terpadu.attachment.AttachmentService.Created;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.intake.UploadKeys;
import id.terpadu.intake.UploadKeys.Grant;

/**
 * Photos a reporter sends with a report, without a token: each request carries the report's upload key
 * ({@link UploadKeys}), which names the report, and nothing is written unless the key is valid, the report open and
 * the photo fits (an image, within the kind's size, within the report's files and bytes). A photo is an attachment of
 * the report (kind FOTO, RESTRICTED, never PUBLIC), seen by those who triage it; where it was taken is not kept.
 */
@ApplicationScoped
public class PublicPhotos {

    /** The actor the change log names for a reporter's photo. */
    static final String ACTOR = "public";

    /** What a reporter may say of a photo; anything else is refused naming the field. */
    static final Set<String> FIELDS = Set.of("filename", "filetype", "caption");

    private final UploadKeys keys;
    private final AttachmentRepository attachments;
    private final AttachmentService service;
    private final Records records;
    private final Caller caller;
    private final AttachmentConfig config;

    PublicPhotos(
            UploadKeys keys,
            AttachmentRepository attachments,
            AttachmentService service,
            Records records,
            Caller caller,
            AttachmentConfig config) {
        this.keys = keys;
        this.attachments = attachments;
        this.service = service;
        this.records = records;
        this.caller = caller;
        this.config = config;
    }

    /** What the reporter is told of a photo: nothing of the report, of its readers or of the file's metadata. */
    @Schema(name = "ReportPhoto", description = "A photo sent with a report")
    public record ReportPhoto(
            UUID id,

            @Schema(description = "UPLOADING until all its bytes are here, then AVAILABLE")
            AttachmentStatus status,

            @Schema(
                    description = "Its size in bytes: as announced while uploading; once received, of the copy kept "
                            + "without its metadata, which may be smaller than the photo sent",
                    minimum = "0",
                    maximum = "9223372036854775807")
            long size,

            @Schema(description = "Detected from the bytes once all are here", example = "image/jpeg", maxLength = 255)
            String mediaType,

            @Schema(description = "While uploading: how much has arrived and until when it may go on")
            Upload upload) {

        static ReportPhoto of(AttachmentResponse a) {
            return new ReportPhoto(a.id(), a.status(), a.size(), a.mediaType(), a.upload());
        }
    }

    /**
     * The key's grant (404, 410, 409 otherwise), in the caller's transaction, the report locked when a photo is
     * {@code admitting}; the request acts as the public.
     */
    Grant grant(String trackingCode, String key, boolean admitting) {
        caller.actAsSystem(ACTOR);
        return keys.redeem(trackingCode, key, admitting);
    }

    /**
     * Checks the key before a form's file is read, in a transaction of its own (an Idempotency-Key's transaction
     * around the request holds no lock of the report the upload's own steps then need).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Grant check(String trackingCode, String key) {
        return grant(trackingCode, key, false);
    }

    /** The fields a reporter sent, as the attachment input of a photo of the report. */
    AttachmentInput input(Grant grant, Map<String, String> sent, String fileNameFromForm) {
        for (String name : sent.keySet()) {
            if (!FIELDS.contains(name)) {
                throw ProblemException.invalid(
                        name,
                        Message.of(
                                "attachment.field.unknown",
                                "allowed",
                                FIELDS.stream().sorted().toList()));
            }
        }
        Map<String, String> fields = new HashMap<>(sent);
        fields.put("parentType", ParentType.INTAKE_REPORT.value());
        fields.put("parentId", grant.reportId().toString());
        fields.put("kind", AttachmentKind.FOTO.name());
        fields.put("title", "Foto laporan " + grant.trackingCode());
        fields.remove("filetype");
        return AttachmentInput.parse(fields, fileNameFromForm);
    }

    /**
     * A new photo of {@code size} bytes still to come, for the report the key names: 409 when the report has all its
     * photos, 413 when the photo is larger than a photo may be or than the report's bytes left. In a transaction of
     * its own, committed before its bytes are appended (each step of an upload is one), whatever surrounds it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Created create(
            UUID id, String trackingCode, String key, Map<String, String> fields, String fileName, long size) {
        Grant grant = grant(trackingCode, key, true);
        AttachmentInput input = input(grant, fields, fileName);
        long[] used = attachments.photosOf(grant.reportId());
        if (used[0] >= grant.maxFiles()) {
            throw ProblemException.conflict(Message.of("intake.photos.used-up", "max", grant.maxFiles()));
        }
        long max = service.maxSize(AttachmentKind.FOTO);
        if (size > max) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    Message.of("attachment.limit.size", "kind", AttachmentKind.FOTO, "max", max, "size", size));
        }
        if (used[1] + size > grant.maxBytes()) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    Message.of(
                            "intake.photos.too-large",
                            "max",
                            grant.maxBytes(),
                            "left",
                            Math.max(0, grant.maxBytes() - used[1]),
                            "size",
                            size));
        }
        Attachment a = new Attachment();
        a.id = records.newId(Attachment.class, id);
        a.parent(ParentType.INTAKE_REPORT, grant.reportId());
        a.reportedIn = grant.reportId();
        a.regionCode = grant.queueRegion();
        a.kind = AttachmentKind.FOTO;
        a.title = input.title();
        a.caption = input.caption();
        a.fileName = input.fileName();
        a.classification = Classification.RESTRICTED;
        a.personalData = false;
        a.status = AttachmentStatus.UPLOADING;
        a.size = size;
        AttachmentUpload upload = new AttachmentUpload();
        upload.attachmentId = a.id;
        upload.expiresAt = Instant.now().plus(config.uploadExpiry());
        records.created(
                a,
                AttachmentService.INTAKE_PHOTO,
                a.regionCode,
                x -> AttachmentResponse.from(x, null),
                AttachmentResponse::logged);
        attachments.addUpload(upload);
        return new Created(AttachmentResponse.from(a, new Upload(0, upload.expiresAt)), true);
    }

    /** The report the key names must hold this photo: otherwise the 404 of an attachment not there. */
    Uploads.Access access(String key) {
        return new Uploads.Access("report key " + key, id -> {
            Grant grant = grant(null, key, false);
            Attachment a = id == null ? null : attachments.findById(id);
            if (a == null || !grant.reportId().equals(a.intakeReportId)) {
                throw ProblemException.notFound(Message.of("attachment.not-found", "id", id));
            }
            return a;
        });
    }

    /** A photo as the reporter is told of it, without asking who may read it (the key was checked). */
    AttachmentResponse view(UUID id) {
        Attachment a = attachments.findById(id);
        return AttachmentResponse.from(
                a, a.status == AttachmentStatus.UPLOADING ? upload(attachments.upload(id)) : null);
    }

    private static Upload upload(AttachmentUpload u) {
        return u == null ? null : new Upload(u.uploadOffset, u.expiresAt);
    }
}
