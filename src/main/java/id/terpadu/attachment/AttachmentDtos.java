package id.terpadu.attachment;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import id.terpadu.common.http.Versioned;
import id.terpadu.common.security.Classification;

/** What the API answers about attachments and uploads. */
public final class AttachmentDtos {

    private AttachmentDtos() {}

    /** An attachment as the API answers it. */
    @Schema(name = "Attachment")
    public record AttachmentResponse(
            UUID id,

            @Schema(description = "The kind of record it belongs to")
            ParentType parentType,

            @Schema(description = "The record it belongs to")
            UUID parentId,

            @Schema(description = "Reference kind attachment-kinds")
            AttachmentKind kind,

            @Schema(example = "Rumah warga terbakar di Simpang Kampung Baru", maxLength = 200)
            String title,

            @Schema(example = "Diambil pagi hari setelah bentrokan", maxLength = 2000)
            String caption,

            @Schema(
                    description = "The file's name as sent, made safe",
                    example = "IMG_20241012_0931.jpg",
                    maxLength = 255)
            String fileName,

            @Schema(
                    description = "Detected from the bytes once all arrived; null before",
                    example = "image/jpeg",
                    maxLength = 255)
            String mediaType,

            @Schema(
                    description =
                            "Bytes: while uploading, as the upload announced; once available, of the copy a "
                                    + "download serves (its Content-Length), which for a type whose metadata is cleaned (JPEG, "
                                    + "PNG, WebP, MP4, QuickTime, 3GP, M4A, HEIC) may differ from the size of the file as uploaded",
                    example = "2483312")
            long size,

            @Schema(
                    description = "SHA-256 of the bytes as uploaded (hex), before any cleaning: what the uploader can "
                            + "compare with its own file, and how the same file sent again to the same record is found "
                            + "(one attachment). Not the digest of the bytes served: see contentSha256. Null before all "
                            + "arrived",
                    example = "9f2c4b7e0d1a3c5e7f9b2d4f6a8c0e1f3a5c7e9b1d3f5a7c9e0b2d4f6a8c0e1f",
                    maxLength = 64,
                    pattern = "^[0-9a-f]{64}$")
            String sha256,

            @Schema(
                    description = "SHA-256 of the bytes a download serves (hex), the cleaned copy: its ETag is this "
                            + "digest in quotes, and it is what a downloaded file checks against (equal to sha256 for a "
                            + "type that is served as uploaded). Null until available",
                    example = "4c1e8a0f2b7d9e3c5a6f8b0d2e4c6a8f0b2d4e6c8a0f2b4d6e8c0a2f4b6d8e0c",
                    maxLength = 64,
                    pattern = "^[0-9a-f]{64}$")
            String contentSha256,

            AttachmentStatus status,

            @Schema(description = "Why it was refused (REJECTED only)", maxLength = 500)
            String rejection,

            Classification classification,

            @Schema(
                    description = "It shows personal data (a face, an identity card): its download is recorded in the "
                            + "personal-data access log and open only to those who may read the record's personal data")
            boolean personalData,

            @Schema(description = "The agency it was uploaded for")
            UUID agencyId,

            @Schema(
                    description = "Where and when it was taken: shown only to those who may read the personal data of "
                            + "the uploading agency's records; never in the change log, the feed or webhooks")
            Capture capture,

            @Schema(description = "The upload under way (UPLOADING only)")
            Upload upload,

            @Schema(
                    description = "Version; also the ETag, which gains \"-1\" (\"3-1\") once the service described "
                            + "the served copy of an attachment made before its size and contentSha256 were kept: the "
                            + "answer changed, the version did not (If-Match reads the version before the dash)",
                    example = "0")
            long version,

            @Schema(description = "Who uploaded it", maxLength = 255)
            String createdBy,

            Instant createdAt,
            Instant updatedAt,

            /*
             * The sweeper described the served copy after this version was written (an attachment made before the
             * copy's digest and size were kept): not in the answer, only in its ETag.
             */
            @JsonIgnore @Schema(hidden = true) boolean describedLater)
            implements Versioned {

        /**
         * {@code "<version>"}; {@code "<version>-1"} once the sweeper described the served copy of an attachment made
         * before its digest and size were kept. That description is no new version (no change log entry, no event,
         * no 412 for a client holding the version: {@code If-Match} reads only the version before the dash), but it
         * changes the answer ({@code size}, {@code contentSha256}), so a client that cached the answer under the old
         * tag gets the new one, not a 304.
         */
        @Override
        public String etag() {
            return describedLater ? version + "-1" : Long.toString(version);
        }

        /** What the change log keeps: no capture, no upload progress. */
        AttachmentResponse logged() {
            return new AttachmentResponse(
                    id,
                    parentType,
                    parentId,
                    kind,
                    title,
                    caption,
                    fileName,
                    mediaType,
                    size,
                    sha256,
                    contentSha256,
                    status,
                    rejection,
                    classification,
                    personalData,
                    agencyId,
                    null,
                    null,
                    version,
                    createdBy,
                    createdAt,
                    updatedAt,
                    describedLater);
        }

        AttachmentResponse withCapture(Capture shown) {
            return new AttachmentResponse(
                    id,
                    parentType,
                    parentId,
                    kind,
                    title,
                    caption,
                    fileName,
                    mediaType,
                    size,
                    sha256,
                    contentSha256,
                    status,
                    rejection,
                    classification,
                    personalData,
                    agencyId,
                    shown,
                    upload,
                    version,
                    createdBy,
                    createdAt,
                    updatedAt,
                    describedLater);
        }

        static AttachmentResponse from(Attachment a, Upload upload) {
            return new AttachmentResponse(
                    a.id,
                    a.parentType,
                    a.parentId,
                    a.kind,
                    a.title,
                    a.caption,
                    a.fileName,
                    a.mediaType,
                    a.contentSize != null ? a.contentSize : a.size,
                    a.sha256,
                    a.contentSha256,
                    a.status,
                    a.rejection,
                    a.classification,
                    a.personalData,
                    a.agencyId,
                    null,
                    upload,
                    a.version,
                    a.createdBy,
                    a.createdAt,
                    a.updatedAt,
                    a.contentSha256 != null && a.servedCheckedAt != null);
        }
    }

    /** Where and when a photo or video was taken. */
    @Schema(name = "AttachmentCapture")
    public record Capture(
            Instant takenAt,
            @Schema(example = "-0.6264") Double latitude,
            @Schema(example = "100.1179") Double longitude,

            @Schema(
                    description = "FILE: read from the file's metadata; CLIENT: sent by the uploader",
                    enumeration = {"FILE", "CLIENT"})
            String source) {}

    /** The state of an upload under way. */
    @Schema(name = "AttachmentUpload")
    public record Upload(
            @Schema(description = "Bytes received so far", example = "5242880")
            long offset,

            @Schema(description = "When the unfinished upload and its bytes are removed")
            Instant expiresAt) {}
}
