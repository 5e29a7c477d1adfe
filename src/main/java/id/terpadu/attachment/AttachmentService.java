package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.attachment.AttachmentDtos.AttachmentResponse;
import id.terpadu.attachment.AttachmentDtos.Capture;
import id.terpadu.attachment.AttachmentDtos.Upload;
import id.terpadu.attachment.AttachmentParents.Parent;
import id.terpadu.attachment.storage.BlobStore;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.security.Role;

/**
 * Attachments: who may add, see, fetch and remove them, and the limits they are held to. How their bytes arrive is
 * {@link Uploads}; what happens once all are here is {@link Finishing}; what is left to tidy, {@link AttachmentSweeper}.
 */
@ApplicationScoped
public class AttachmentService {

    /** Attachments: their own classification (at least their record's) and their record's region. */
    @Produces
    public static final RecordType ATTACHMENT = RecordType.published("attachment", Attachment.class)
            .constraint("attachment_same_bytes", Message.of("attachment.same-bytes"));

    /**
     * The photos of a community report while they are the report's: in the change log (their history), never in the
     * feed or webhooks, as the report itself. Moved to the record the report became, a photo is an attachment again.
     */
    @Produces
    public static final RecordType INTAKE_PHOTO = RecordType.internal("intake-photo", Attachment.class);

    /** The record type an attachment's changes are logged under: that of a report's photo while it is the report's. */
    static RecordType typeOf(Attachment a) {
        return a.parentType == ParentType.INTAKE_REPORT ? INTAKE_PHOTO : ATTACHMENT;
    }

    private final AttachmentRepository attachments;
    private final AttachmentParents parents;
    private final AttachmentConfig config;
    private final BlobStore store;
    private final Records records;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final Clearance clearance;
    private final PersonalData personalData;

    AttachmentService(
            AttachmentRepository attachments,
            AttachmentParents parents,
            AttachmentConfig config,
            BlobStore store,
            Records records,
            ChangeLog changeLog,
            Caller caller,
            Clearance clearance,
            PersonalData personalData) {
        this.attachments = attachments;
        this.parents = parents;
        this.config = config;
        this.store = store;
        this.records = records;
        this.changeLog = changeLog;
        this.caller = caller;
        this.clearance = clearance;
        this.personalData = personalData;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The attachments of a record the caller sees, oldest first, those above the caller's clearance left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AttachmentResponse> list(ParentType type, UUID parentId, PageRequest page) {
        parents.visible(type, parentId);
        Filter filter = clearance.restrict(new Filter().and("e.parentId = :?", parentId), "e.classification");
        Page<Attachment> found = attachments.page(filter, page);
        // the uploads under way on the page, in one query
        Map<UUID, AttachmentUpload> uploads = attachments.uploads(found.items().stream()
                .filter(a -> a.status == AttachmentStatus.UPLOADING)
                .map(a -> a.id)
                .toList());
        return found.map(a -> shown(a, uploads.get(a.id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttachmentResponse get(UUID id) {
        return shown(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        return changeLog.history(typeOf(visible(id)), id, page);
    }

    /** The attachment if the caller sees it and its record; 404 otherwise. */
    Attachment visible(UUID id) {
        Attachment attachment = attachments.visible(id);
        parents.of(attachment);
        return attachment;
    }

    private AttachmentResponse shown(Attachment a) {
        return shown(a, a.status == AttachmentStatus.UPLOADING ? attachments.upload(a.id) : null);
    }

    /** The attachment as the caller may see it, with its upload under way (or null). */
    private AttachmentResponse shown(Attachment a, AttachmentUpload u) {
        Upload upload = u == null ? null : new Upload(u.uploadOffset, u.expiresAt);
        AttachmentResponse response = AttachmentResponse.from(a, upload);
        boolean hasCapture = a.capturedAt != null || a.captureLatitude != null;
        if (hasCapture && personalData.reveal(ATTACHMENT.name(), a.id, a.regionCode, a.agencyId)) {
            return response.withCapture(
                    new Capture(a.capturedAt, a.captureLatitude, a.captureLongitude, a.captureSource));
        }
        return response;
    }

    /** What a download serves: the attachment and which of its copies, with its strong ETag (quoted). */
    public record Download(AttachmentResponse attachment, String key, String mediaType, long size, String etag) {}

    /**
     * The cleaned copy, for a caller who sees the attachment; 409 while it is not available; 403 when it shows
     * personal data the caller may not read (a download of such an attachment is recorded in the access log). Its
     * ETag is the SHA-256 of the served bytes themselves, not of the upload they were cleaned from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download content(UUID id) {
        Attachment a = available(id);
        return new Download(shown(a), a.contentKey, a.mediaType, sizeOf(a.contentKey), "\"" + servedDigest(a) + "\"");
    }

    /**
     * The SHA-256 of the served copy; of an attachment made before it was kept, until the sweeper has read it, the
     * upload's, which names those bytes as well (the served copy of an attachment never changes).
     */
    private static String servedDigest(Attachment a) {
        return a.contentSha256 != null ? a.contentSha256 : a.sha256;
    }

    /** The thumbnail of an image; 404 when it has none (not an image the service reads, or not made yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download thumbnail(UUID id) {
        Attachment a = available(id);
        String key = attachments.thumbnail(id);
        if (key == null) {
            throw ProblemException.notFound(Message.of("attachment.thumbnail.none", "id", id));
        }
        return new Download(shown(a), key, "image/jpeg", sizeOf(key), "\"" + servedDigest(a) + "-thumbnail\"");
    }

    private Attachment available(UUID id) {
        Attachment a = visible(id);
        if (a.status != AttachmentStatus.AVAILABLE) {
            throw ProblemException.conflict(Message.of("attachment.not-available", "status", a.status));
        }
        if (a.personalData) {
            if (!personalData.reveal(ATTACHMENT.name(), a.id, a.regionCode, a.agencyId)) {
                throw ProblemException.forbidden(Message.of("attachment.personal-data"));
            }
        }
        return a;
    }

    private long sizeOf(String key) {
        try {
            return store.size(key).orElseThrow(() -> new IllegalStateException("the store lost " + key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a copy, from {@code offset}, {@code length} of them ({@code -1}: to the end). */
    public InputStream open(Download download, long offset, long length) throws IOException {
        return store.read(download.key(), offset, length);
    }

    /** A presigned URL for a large download from object storage, or empty (serve it through the service). */
    public Optional<java.net.URI> redirect(Download download, String contentDisposition) {
        if (download.size() < config.redirectFrom().asLongValue()) {
            return Optional.empty();
        }
        return store.presignedRead(download.key(), config.presignedFor(), download.mediaType(), contentDisposition);
    }

    // ---- limits -------------------------------------------------------------------------------------------------

    /** The largest file of a kind. */
    long maxSize(AttachmentKind kind) {
        var byKind = config.maxSizeByKind().get(kind.name());
        return byKind != null ? byKind.asLongValue() : config.maxSize().asLongValue();
    }

    /** The largest upload of any kind: what tus announces as {@code Tus-Max-Size}. */
    public long maxUpload() {
        long max = config.maxSize().asLongValue();
        for (var size : config.maxSizeByKind().values()) {
            max = Math.max(max, size.asLongValue());
        }
        return max;
    }

    public long maxSimpleUpload() {
        return config.maxSimpleSize().asLongValue();
    }

    /** The limits as the API advertises them. */
    public Limits limits() {
        List<KindLimits> kinds = new ArrayList<>();
        for (AttachmentKind kind : AttachmentKind.values()) {
            kinds.add(new KindLimits(kind, maxSize(kind), kind.allowed()));
        }
        return new Limits(
                kinds,
                config.maxSimpleSize().asLongValue(),
                maxUpload(),
                config.maxPerRecord(),
                config.maxBytesPerAgencyPerDay().asLongValue(),
                config.uploadExpiry().toSeconds());
    }

    /** What may be sent. */
    @Schema(name = "AttachmentLimits")
    public record Limits(
            @Schema(maxItems = 50) List<KindLimits> kinds,

            @Schema(
                    description = "Largest file sent in one multipart request, bytes; larger ones go through tus at "
                            + "/api/v1/uploads",
                    minimum = "0",
                    maximum = "9223372036854775807")
            long maxSimpleSize,

            @Schema(
                    description = "Largest upload of any kind (tus Tus-Max-Size), bytes",
                    minimum = "0",
                    maximum = "9223372036854775807")
            long maxUploadSize,

            @Schema(description = "Attachments one record may have", minimum = "0", maximum = "2147483647")
            int maxPerRecord,

            @Schema(
                    description = "Bytes one agency may upload per day (Western Indonesia Time)",
                    minimum = "0",
                    maximum = "9223372036854775807")
            long maxBytesPerAgencyPerDay,

            @Schema(
                    description = "Seconds an unfinished upload is kept",
                    minimum = "0",
                    maximum = "9223372036854775807")
            long uploadExpirySeconds) {}

    /** What a kind of attachment may be. */
    @Schema(name = "AttachmentKindLimits")
    public record KindLimits(
            AttachmentKind kind,

            @Schema(description = "Its largest file, bytes", minimum = "0", maximum = "9223372036854775807")
            long maxSize,

            @Schema(maxItems = 50, description = "The media types it takes, detected from the bytes")
            List<@jakarta.validation.constraints.Size(max = 255) String> mediaTypes) {}

    // ---- creating -----------------------------------------------------------------------------------------------

    /**
     * A new attachment whose {@code size} bytes are still to come: the caller may write the record, the size is
     * within the kind's limit, the record has room, and the agency's daily allowance has room. An id the client
     * chose and already used for this same upload returns that upload (a retry of a creation that timed out): under
     * way, or complete, as the attachment it became (its own, or the one that already held the same bytes).
     */
    @Transactional
    public Created create(AttachmentInput input, long size) {
        if (!(caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_) || caller.hasRole(Role.OFFICER_))) {
            throw ProblemException.forbidden(Message.of("attachment.role"));
        }
        Parent parent = writableParent(input);
        if (input.id() != null) {
            Optional<Created> retried = retried(input, size);
            if (retried.isPresent()) {
                return retried.get();
            }
        }
        long max = maxSize(input.kind());
        if (size > max) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    Message.of("attachment.limit.size", "kind", input.kind(), "max", max, "size", size));
        }
        if (attachments.countOf(input.parentId()) >= config.maxPerRecord()) {
            throw ProblemException.conflict(Message.of("attachment.limit.per-record", "max", config.maxPerRecord()));
        }
        UUID agency = caller.agencyId();
        if (agency != null) {
            long allowance = config.maxBytesPerAgencyPerDay().asLongValue();
            long used = attachments.bytesToday(agency);
            if (used + size > allowance) {
                throw new ProblemException(
                        ProblemType.TOO_MANY_REQUESTS,
                        Message.of("attachment.limit.per-day", "max", allowance, "used", used, "size", size));
            }
        }
        Classification classification =
                input.classification() == null ? parent.classification() : input.classification();
        if (classification.compareTo(parent.classification()) < 0) {
            throw ProblemException.invalid(
                    "classification",
                    Message.of("attachment.classification.below", "least", parent.classification()),
                    parent.classification().andBelow().stream()
                            .map(Enum::name)
                            .filter(c -> Classification.valueOf(c).compareTo(parent.classification()) >= 0)
                            .toList());
        }
        clearance.requireWritable(classification);

        Attachment a = new Attachment();
        a.id = records.newId(Attachment.class, input.id());
        a.parent(parent.type(), parent.id());
        a.regionCode = parent.regionCode();
        a.kind = input.kind();
        a.title = input.title();
        a.caption = input.caption();
        a.fileName = input.fileName();
        a.classification = classification;
        a.personalData = input.personalData();
        a.status = AttachmentStatus.UPLOADING;
        a.size = size;
        a.agencyId = agency;
        if (input.capture() != null) {
            a.capturedAt = input.capture().takenAt();
            a.captureLatitude = input.capture().latitude();
            a.captureLongitude = input.capture().longitude();
            a.captureSource = "CLIENT";
        }
        AttachmentUpload upload = new AttachmentUpload();
        upload.attachmentId = a.id;
        upload.expiresAt = Instant.now().plus(config.uploadExpiry());
        records.created(a, typeOf(a), a.regionCode, x -> AttachmentResponse.from(x, null), AttachmentResponse::logged);
        attachments.addUpload(upload);
        return new Created(AttachmentResponse.from(a, new Upload(0, upload.expiresAt)), true);
    }

    /**
     * The upload a repeated creation names by the client's id, when it is the caller's own of the same size on the
     * same record: under way, or complete as the attachment it became; empty when the id is free; 409 when the id is
     * another's or another upload's.
     */
    private Optional<Created> retried(AttachmentInput input, long size) {
        Attachment existing = attachments.findById(input.id());
        if (existing != null) {
            boolean same = existing.parentId.equals(input.parentId())
                    && existing.size == size
                    && java.util.Objects.equals(existing.createdBy, caller.subject());
            boolean underWay = existing.status == AttachmentStatus.UPLOADING && attachments.upload(existing.id) != null;
            if (same && (underWay || existing.status == AttachmentStatus.AVAILABLE)) {
                try {
                    // read as any reader reads it: one reclassified above the uploader's clearance since is not shown
                    return Optional.of(new Created(shown(visible(existing.id)), false));
                } catch (ProblemException e) {
                    if (e.type() != ProblemType.NOT_FOUND) {
                        throw e;
                    }
                }
            }
            throw ProblemException.conflict(Message.of("record.exists"));
        }
        Optional<AttachmentRepository.FinishedUpload> finished = attachments.finished(input.id());
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        Attachment kept = attachments.findById(finished.get().attachment());
        if (kept.parentId.equals(input.parentId())
                && finished.get().length() == size
                && java.util.Objects.equals(finished.get().createdBy(), caller.subject())) {
            try {
                return Optional.of(new Created(shown(visible(kept.id)), false, input.id()));
            } catch (ProblemException e) {
                if (e.type() != ProblemType.NOT_FOUND) {
                    throw e;
                }
                // the attachment that holds the bytes is above the caller's clearance: the id is taken all the same
            }
        }
        throw ProblemException.conflict(Message.of("record.exists"));
    }

    /**
     * A creation's answer: the attachment, whether it is new (false: a retry found the client's own upload), and the
     * upload's id, which is the attachment's own unless the upload finished as another attachment that already held
     * the same bytes.
     */
    public record Created(AttachmentResponse attachment, boolean isNew, UUID upload) {

        public Created(AttachmentResponse attachment, boolean isNew) {
            this(attachment, isNew, attachment.id());
        }
    }

    /** The record an input names, if the caller may write it; a 400 naming {@code parentId} otherwise. */
    Parent writableParent(AttachmentInput input) {
        try {
            return parents.writable(input.parentType(), input.parentId());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw ProblemException.invalid("parentId", e.detail());
            }
            throw e;
        }
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Attachment a = visible(id);
        writer(a);
        ETags.check(expectedVersion, a.version);
        records.deleted(a, typeOf(a), a.regionCode);
    }

    /** Who may change an attachment: whoever may write its record, and of the uploading agency unless a coordinator. */
    void writer(Attachment a) {
        parents.writable(a.parentType, a.parentId);
        boolean coordinator = caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_);
        if (!coordinator
                && !(caller.hasRole(Role.OFFICER_) && a.agencyId != null && a.agencyId.equals(caller.agencyId()))) {
            throw ProblemException.forbidden(Message.of("attachment.not-yours"));
        }
    }
}
