package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

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
 * Attachments: who may add, see, fetch and remove them, how their bytes arrive (in one request, or in pieces that
 * survive a dropped connection and a restart) and what happens to the bytes once all are here: the type is detected
 * from them and checked against the kind, the same bytes on the same record become one attachment, the served copy
 * is cleaned of where, when and with what it was taken (which is kept apart, restricted), and a thumbnail is made
 * later. The bytes never travel inside a database transaction: an append holds a short lease on its upload instead.
 */
@ApplicationScoped
public class AttachmentService {

    /** Attachments: their own classification (at least their record's) and their record's region. */
    @Produces
    public static final RecordType ATTACHMENT = RecordType.published("attachment", Attachment.class)
            .constraint("attachment_same_bytes", Message.of("attachment.same-bytes"));
    /** How long an append holds its upload before it must renew its lease. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Duration RENEW_EVERY = Duration.ofSeconds(20);
    /** How many thumbnails an upload's answer has made at once (the rest wait for the sweeper). */
    private static final int THUMBNAILS_AT_ONCE = 5;
    /** How long an expired upload still answers 410 before it is removed (and then is unknown: 404). */
    static final Duration EXPIRED_KEPT = Duration.ofMinutes(10);
    /** Who the change log names for an expired upload's removal. */
    static final String EXPIRY_ACTOR = "system:attachment-expiry";

    private final AttachmentRepository attachments;
    private final AttachmentParents parents;
    private final AttachmentConfig config;
    private final BlobStore store;
    private final Records records;
    private final ChangeLog changeLog;
    private final Caller caller;
    private final Clearance clearance;
    private final PersonalData personalData;
    private final io.vertx.core.Vertx vertx;
    private final MediaDetector detector = new MediaDetector();

    AttachmentService(
            AttachmentRepository attachments,
            AttachmentParents parents,
            AttachmentConfig config,
            BlobStore store,
            Records records,
            ChangeLog changeLog,
            Caller caller,
            Clearance clearance,
            PersonalData personalData,
            io.vertx.core.Vertx vertx) {
        this.attachments = attachments;
        this.parents = parents;
        this.config = config;
        this.store = store;
        this.records = records;
        this.changeLog = changeLog;
        this.caller = caller;
        this.clearance = clearance;
        this.personalData = personalData;
        this.vertx = vertx;
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
        visible(id);
        return changeLog.history(ATTACHMENT, id, page);
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

    /** What a download serves: the attachment and which of its copies. */
    public record Download(AttachmentResponse attachment, String key, String mediaType, long size, String etag) {}

    /**
     * The cleaned copy, for a caller who sees the attachment; 409 while it is not available; 403 when it shows
     * personal data the caller may not read (a download of such an attachment is recorded in the access log).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download content(UUID id) {
        Attachment a = available(id);
        return new Download(shown(a), a.contentKey, a.mediaType, sizeOf(a.contentKey), "\"" + a.sha256 + "\"");
    }

    /** The thumbnail of an image; 404 when it has none (not an image the service reads, or not made yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download thumbnail(UUID id) {
        Attachment a = available(id);
        String key = attachments.thumbnail(id);
        if (key == null) {
            throw ProblemException.notFound(Message.of("attachment.thumbnail.none", "id", id));
        }
        return new Download(shown(a), key, "image/jpeg", sizeOf(key), "\"" + a.sha256 + "-thumbnail\"");
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
     * chose and already used for this same upload returns that upload (a retry of a creation that timed out).
     */
    @Transactional
    public Created create(AttachmentInput input, long size) {
        if (!(caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_) || caller.hasRole(Role.OFFICER_))) {
            throw ProblemException.forbidden(Message.of("attachment.role"));
        }
        Parent parent = records(input);
        if (input.id() != null) {
            Attachment existing = attachments.findById(input.id());
            if (existing != null) {
                AttachmentUpload upload = attachments.upload(existing.id);
                if (existing.status == AttachmentStatus.UPLOADING
                        && upload != null
                        && existing.parentId.equals(input.parentId())
                        && existing.size == size
                        && java.util.Objects.equals(existing.createdBy, caller.subject())) {
                    return new Created(shown(existing), false);
                }
                throw ProblemException.conflict(Message.of("record.exists"));
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
        records.created(a, ATTACHMENT, a.regionCode, x -> AttachmentResponse.from(x, null), AttachmentResponse::logged);
        attachments.addUpload(upload);
        return new Created(AttachmentResponse.from(a, new Upload(0, upload.expiresAt)), true);
    }

    /**
     * A file sent whole in one request: judged on its bytes before anything is written (its type against the kind,
     * the same bytes already on the record), then created, stored and finished as an upload of one piece.
     */
    public Created simple(AttachmentInput input, Path file) throws IOException {
        long size = Files.size(file);
        String type = detector.detect(() -> Files.newInputStream(file));
        if (!input.kind().accepts(type)) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    Message.of("attachment.type", "kind", input.kind(), "type", type),
                    null,
                    input.kind().allowed());
        }
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = sha256(in);
        }
        Optional<Attachment> same = QuarkusTransaction.requiringNew().call(() -> {
            records(input);
            return attachments.sameBytes(input.parentId(), sha256);
        });
        if (same.isPresent()) {
            return new Created(QuarkusTransaction.requiringNew().call(() -> get(same.get().id)), false);
        }
        Created created = QuarkusTransaction.requiringNew().call(() -> create(input, size));
        if (!created.isNew() || size == 0) {
            return created;
        }
        UploadState state;
        try (InputStream in = Files.newInputStream(file)) {
            state = append(created.attachment().id(), 0, size, in, Optional.empty());
        }
        UUID id = state.sameAs() != null ? state.sameAs() : created.attachment().id();
        return new Created(QuarkusTransaction.requiringNew().call(() -> get(id)), state.sameAs() == null);
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A creation's answer: the attachment, and whether it is new (false: a retry found the client's own upload). */
    public record Created(AttachmentResponse attachment, boolean isNew) {}

    private Parent records(AttachmentInput input) {
        try {
            return parents.writable(input.parentType(), input.parentId());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw ProblemException.invalid("parentId", e.detail());
            }
            throw e;
        }
    }

    // ---- uploading ----------------------------------------------------------------------------------------------

    /** Where an upload stands (tus HEAD). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UploadState state(UUID id) {
        Attachment a = visible(id);
        AttachmentUpload upload = attachments.upload(id);
        if (a.status != AttachmentStatus.UPLOADING || upload == null) {
            return new UploadState(a.id, a.size, a.size, null, a.status, null);
        }
        if (upload.expiresAt.isBefore(Instant.now())) {
            throw new ProblemException(ProblemType.GONE, Message.of("attachment.upload.expired"));
        }
        return new UploadState(a.id, a.size, upload.uploadOffset, upload.expiresAt, a.status, null);
    }

    /**
     * An upload's state after a request: its declared length, its offset, its expiry while under way, its status, and
     * when the same bytes were already attached to the record, the attachment that holds them.
     */
    public record UploadState(
            UUID id, long length, long offset, Instant expiresAt, AttachmentStatus status, UUID sameAs) {}

    /**
     * Appends a piece at {@code offset}. The piece is kept when its bytes arrived whole (and match their checksum when
     * one was sent), or when the connection dropped part-way and no checksum was sent (tus: what arrived counts).
     * When the last byte has arrived, the attachment is finished.
     */
    public UploadState append(UUID id, long offset, long contentLength, InputStream body, Optional<byte[]> checksum)
            throws IOException {
        UUID lease = UUID.randomUUID();
        long length = QuarkusTransaction.requiringNew().call(() -> takeLease(id, offset, contentLength, lease));
        String key = "uploads/" + id + "/" + offset + "-" + lease;
        Piece piece = new Piece(
                body,
                contentLength < 0 ? length - offset : Math.min(contentLength, length - offset),
                () -> QuarkusTransaction.requiringNew().call(() -> attachments.renew(id, lease, LEASE)));
        long stored;
        try {
            stored = store.write(key, piece, checksum.isEmpty());
        } catch (BlobStore.IncompleteWrite dropped) {
            if (dropped.stored() > 0) {
                record(id, lease, offset, dropped.stored(), key, piece.digest());
            } else {
                discard(id, lease, key);
            }
            throw dropped;
        } catch (IOException | RuntimeException e) {
            discard(id, lease, key);
            throw e;
        }
        if (piece.tooLong) {
            discard(id, lease, key);
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE, Message.of("attachment.upload.past-length", "length", length));
        }
        byte[] digest = piece.digest();
        if (checksum.isPresent() && !MessageDigest.isEqual(checksum.get(), digest)) {
            discard(id, lease, key);
            throw new ProblemException(ProblemType.CHECKSUM_MISMATCH, Message.of("attachment.upload.checksum"));
        }
        if (stored > 0 && !record(id, lease, offset, stored, key, digest)) {
            throw ProblemException.conflict(Message.of("attachment.upload.lease-lost"));
        }
        if (stored == 0) {
            QuarkusTransaction.requiringNew().run(() -> attachments.release(id, lease));
        }
        long now = offset + stored;
        if (now == length) {
            return finish(id);
        }
        return QuarkusTransaction.requiringNew().call(() -> state(id));
    }

    /** The declared length, once the caller holds the upload at {@code offset}; the tus answers otherwise. */
    private long takeLease(UUID id, long offset, long contentLength, UUID lease) {
        Attachment a = visible(id);
        writer(a);
        AttachmentUpload upload = attachments.upload(id);
        if (a.status != AttachmentStatus.UPLOADING || upload == null) {
            throw ProblemException.conflict(Message.of("attachment.upload.complete"));
        }
        if (upload.expiresAt.isBefore(Instant.now())) {
            throw new ProblemException(ProblemType.GONE, Message.of("attachment.upload.expired"));
        }
        if (contentLength >= 0 && offset + contentLength > a.size) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE, Message.of("attachment.upload.past-length", "length", a.size));
        }
        if (!attachments.lease(id, offset, lease, LEASE)) {
            AttachmentUpload now = attachments.upload(id);
            if (now != null && now.uploadOffset != offset) {
                throw new ProblemException(
                        ProblemType.CONFLICT,
                        Message.of("attachment.upload.offset", "offset", now.uploadOffset, "given", offset));
            }
            throw ProblemException.conflict(Message.of("attachment.upload.busy"));
        }
        return a.size;
    }

    private boolean record(UUID id, UUID lease, long offset, long stored, String key, byte[] digest) {
        String sha256 = HexFormat.of().formatHex(digest);
        boolean recorded = QuarkusTransaction.requiringNew()
                .call(() -> attachments.addPiece(id, lease, offset, stored, key, sha256));
        if (!recorded) {
            deleteQuietly(key);
        }
        return recorded;
    }

    private void discard(UUID id, UUID lease, String key) {
        QuarkusTransaction.requiringNew().run(() -> attachments.release(id, lease));
        deleteQuietly(key);
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            QuarkusTransaction.requiringNew().run(() -> attachments.queueGarbage(key, false));
        }
    }

    /** Ends an upload under way and removes what arrived (tus termination). */
    @Transactional
    public void terminate(UUID id) {
        Attachment a = visible(id);
        writer(a);
        if (a.status != AttachmentStatus.UPLOADING) {
            throw ProblemException.conflict(Message.of("attachment.upload.complete"));
        }
        records.deleted(a, ATTACHMENT, a.regionCode);
    }

    /** Removes an attachment and (after the transaction) its bytes. */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Attachment a = visible(id);
        writer(a);
        ETags.check(expectedVersion, a.version);
        records.deleted(a, ATTACHMENT, a.regionCode);
    }

    /** Who may change an attachment: whoever may write its record, and of the uploading agency unless a coordinator. */
    private void writer(Attachment a) {
        parents.writable(a.parentType, a.parentId);
        boolean coordinator = caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_);
        if (!coordinator
                && !(caller.hasRole(Role.OFFICER_) && a.agencyId != null && a.agencyId.equals(caller.agencyId()))) {
            throw ProblemException.forbidden(Message.of("attachment.not-yours"));
        }
    }

    // ---- finishing ----------------------------------------------------------------------------------------------

    /**
     * All bytes are here: put the pieces together (hashing them), detect the type, refuse it if the kind does not
     * take it, find the same bytes already on the record, read where and when it was taken, keep the cleaned copy
     * (and the original when the setting says so), and make the attachment available.
     */
    UploadState finish(UUID id) throws IOException {
        List<Object[]> pieces = QuarkusTransaction.requiringNew().call(() -> attachments.pieces(id));
        // on the store's own disk, so that keeping a file is a move, not another copy
        Path scratch = store.scratch();
        Path whole = Files.createTempFile(scratch, "upload-", ".bin");
        Path served = null;
        Path original = null;
        List<String> written = new ArrayList<>();
        try {
            // an upload that arrived in one piece, in a store that holds it on this disk, is taken as it is: its
            // digest was taken as it arrived (a failure after this point leaves the upload to expire)
            String sha256 =
                    pieces.size() == 1 && pieces.get(0)[1] != null && store.take((String) pieces.get(0)[0], whole)
                            ? (String) pieces.get(0)[1]
                            : assemble(pieces.stream().map(p -> (String) p[0]).toList(), whole);
            long size = Files.size(whole);
            String mediaType = detector.detect(() -> Files.newInputStream(whole));
            Attachment a = QuarkusTransaction.requiringNew().call(() -> attachments.findById(id));
            if (!a.kind.accepts(mediaType)) {
                QuarkusTransaction.requiringNew().run(() -> reject(id, sha256, mediaType, "attachment.type"));
                throw new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        Message.of("attachment.type", "kind", a.kind, "type", mediaType),
                        null,
                        a.kind.allowed());
            }
            Capture fromFile = null;
            if (mediaType.startsWith("image/") || mediaType.startsWith("video/") || mediaType.startsWith("audio/")) {
                try (InputStream in = Files.newInputStream(whole)) {
                    FileCapture read = FileCapture.read(in);
                    if (!read.isEmpty()) {
                        fromFile = new Capture(read.takenAt(), read.latitude(), read.longitude(), "FILE");
                    }
                }
            }
            boolean cleans = MetadataStripper.cleans(mediaType) || IsoMediaCleaner.cleans(mediaType);
            if (config.keepOriginals() && cleans) {
                original = Files.createTempFile(scratch, "original-", ".bin");
                Files.copy(whole, original, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                served = clean(mediaType, whole, scratch);
            } catch (IOException e) {
                QuarkusTransaction.requiringNew().run(() -> reject(id, sha256, mediaType, "attachment.type.broken"));
                throw new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE, Message.of("attachment.type.broken", "type", mediaType));
            }
            String contentKey = "files/" + id;
            store.put(contentKey, served);
            written.add(contentKey);
            String originalKey = null;
            if (original != null) {
                originalKey = "originals/" + id;
                store.put(originalKey, original);
                written.add(originalKey);
            }
            Capture capture = fromFile;
            String kept = originalKey;
            UploadState done = QuarkusTransaction.requiringNew()
                    .call(() -> available(id, sha256, mediaType, size, capture, contentKey, kept));
            if (done.sameAs() != null) {
                written.forEach(this::deleteQuietly);
            } else if (Thumbnails.madeFor(mediaType)) {
                // at once, on a worker thread, after the answer's transaction; the sweeper takes what this misses
                vertx.executeBlocking(() -> makeThumbnails(THUMBNAILS_AT_ONCE), false);
            }
            return done;
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof ProblemException)) {
                written.forEach(this::deleteQuietly);
            }
            throw e;
        } finally {
            Files.deleteIfExists(whole);
            if (served != null) {
                Files.deleteIfExists(served);
            }
            if (original != null) {
                Files.deleteIfExists(original);
            }
        }
    }

    /** Copies the pieces, in order, into one file and returns the SHA-256 of the whole. */
    private String assemble(List<String> pieces, Path whole) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<InputStream> streams = new ArrayList<>();
        for (String key : pieces) {
            streams.add(new Lazy(() -> store.read(key, 0, -1)));
        }
        try (InputStream all = new DigestInputStream(new SequenceInputStream(Collections.enumeration(streams)), sha);
                OutputStream out = Files.newOutputStream(whole)) {
            all.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The file to serve: a new file without the metadata (JPEG, PNG, WebP), the file itself cleaned in place (ISO
     * media), or the file as it came for types that carry nothing to clean. Throws when the bytes are not the
     * readable file their type says.
     */
    private static Path clean(String mediaType, Path whole, Path scratch) throws IOException {
        if (MetadataStripper.cleans(mediaType)) {
            Path out = Files.createTempFile(scratch, "cleaned-", ".bin");
            try (InputStream in = Files.newInputStream(whole);
                    OutputStream o = Files.newOutputStream(out)) {
                MetadataStripper.strip(mediaType, in, o);
            } catch (IOException e) {
                Files.deleteIfExists(out);
                throw e;
            }
            return out;
        }
        if (IsoMediaCleaner.cleans(mediaType)) {
            IsoMediaCleaner.clean(whole);
        }
        return whole;
    }

    private void reject(UUID id, String sha256, String mediaType, String why) {
        Attachment a = attachments.findById(id);
        a.status = AttachmentStatus.REJECTED;
        a.sha256 = sha256;
        a.mediaType = mediaType;
        a.rejection = Message.of(why, "kind", a.kind, "type", mediaType).in("en");
        attachments.removeUpload(id);
        records.updated(a, ATTACHMENT, a.regionCode, x -> AttachmentResponse.from(x, null), AttachmentResponse::logged);
    }

    private UploadState available(
            UUID id,
            String sha256,
            String mediaType,
            long size,
            Capture fromFile,
            String contentKey,
            String originalKey) {
        Attachment a = attachments.findById(id);
        Optional<Attachment> same = attachments.sameBytes(a.parentId, sha256);
        if (same.isPresent()) {
            records.deleted(a, ATTACHMENT, a.regionCode);
            Attachment kept = same.get();
            return new UploadState(kept.id, kept.size, kept.size, null, kept.status, kept.id);
        }
        a.status = AttachmentStatus.AVAILABLE;
        a.sha256 = sha256;
        a.mediaType = mediaType;
        a.size = size;
        a.contentKey = contentKey;
        a.originalKey = originalKey;
        if (a.captureSource == null && fromFile != null) {
            a.capturedAt = fromFile.takenAt();
            a.captureLatitude = fromFile.latitude();
            a.captureLongitude = fromFile.longitude();
            a.captureSource = "FILE";
        }
        if (Thumbnails.madeFor(mediaType)) {
            attachments.queueThumbnail(id);
        }
        attachments.removeUpload(id);
        records.updated(a, ATTACHMENT, a.regionCode, x -> AttachmentResponse.from(x, null), AttachmentResponse::logged);
        return new UploadState(a.id, a.size, a.size, null, a.status, null);
    }

    // ---- housekeeping -------------------------------------------------------------------------------------------

    /**
     * Makes the thumbnails that are due, holding their rows (so another instance takes others) while the images are
     * read and the thumbnails written; returns how many were made.
     */
    int makeThumbnails(int max) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int made = 0;
            for (Object[] due : attachments.thumbnailsDue(max)) {
                UUID id = (UUID) due[0];
                String key = "thumbnails/" + id + ".jpg";
                try {
                    Path tmp = Files.createTempFile("terpadu-thumbnail-", ".jpg");
                    try {
                        try (InputStream in = store.read((String) due[1], 0, -1);
                                OutputStream out = Files.newOutputStream(tmp)) {
                            Thumbnails.make(in, config.thumbnailSize(), out);
                        }
                        store.write(key, Files.newInputStream(tmp), false);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                    attachments.thumbnailMade(id, "DONE", key);
                    made++;
                } catch (IOException | RuntimeException e) {
                    Log.debugf("No thumbnail for attachment %s: %s", id, e.getMessage());
                    attachments.thumbnailMade(id, "FAILED", null);
                }
            }
            return made;
        });
    }

    /** Removes expired uploads (their bytes go through the garbage queue); returns how many. */
    int removeExpired(int max) {
        caller.actAsSystem(EXPIRY_ACTOR);
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> attachments.expired(EXPIRED_KEPT, max));
        for (UUID id : expired) {
            QuarkusTransaction.requiringNew().run(() -> {
                Attachment a = attachments.findById(id);
                if (a != null && a.status == AttachmentStatus.UPLOADING) {
                    records.deleted(a, ATTACHMENT, a.regionCode);
                }
            });
        }
        return expired.size();
    }

    /** Removes queued bytes from the store; returns how many keys were removed. */
    int collectGarbage(int max) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int removed = 0;
            for (Object[] row : attachments.garbage(max)) {
                String key = (String) row[0];
                try {
                    if ((Boolean) row[1]) {
                        store.deleteAll(key);
                    } else {
                        store.delete(key);
                    }
                    attachments.collected(key);
                    removed++;
                } catch (IOException e) {
                    Log.warnf("Could not remove %s from the attachment store (kept queued): %s", key, e.getMessage());
                }
            }
            return removed;
        });
    }

    /** An input stream opened on first read, so that a sequence of pieces holds one open stream at a time. */
    private static final class Lazy extends InputStream {
        interface Opener {
            InputStream open() throws IOException;
        }

        private final Opener opener;
        private InputStream in;

        Lazy(Opener opener) {
            this.opener = opener;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = opener.open();
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    /**
     * A piece's body as it arrives: at most {@code room} bytes (one more marks it too long), its SHA-256 when a
     * checksum is to be checked, and the lease renewed while it goes on.
     */
    private static final class Piece extends InputStream {
        interface Renewal {
            boolean renew();
        }

        private final InputStream in;
        private final long room;
        private final MessageDigest sha;
        private final Renewal renewal;
        private long read;
        private long renewedAt = System.nanoTime();
        boolean tooLong;

        Piece(InputStream in, long room, Renewal renewal) {
            this.in = in;
            this.room = room;
            this.renewal = renewal;
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The SHA-256 of what was read (once: it resets the digest). */
        byte[] digest() {
            return sha.digest();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= room) {
                if (in.read() >= 0) {
                    tooLong = true;
                }
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, room - read));
            if (n > 0) {
                read += n;
                sha.update(b, off, n);
                if (System.nanoTime() - renewedAt > RENEW_EVERY.toNanos()) {
                    if (!renewal.renew()) {
                        throw new IOException("the upload was taken over by another request");
                    }
                    renewedAt = System.nanoTime();
                }
            }
            return n;
        }
    }
}
