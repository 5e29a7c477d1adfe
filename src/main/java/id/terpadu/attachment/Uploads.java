package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import id.terpadu.attachment.AttachmentService.Created;
import id.terpadu.attachment.storage.BlobStore;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.StreamedInput;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;

/**
 * How an attachment's bytes arrive: whole in one request, or in pieces that survive a dropped connection and a
 * restart (tus). An append holds a short lease on its upload instead of a database transaction while the bytes flow;
 * when the last byte is here, {@link Finishing} makes the attachment.
 */
@ApplicationScoped
public class Uploads {

    /** How long an append holds its upload before it must renew its lease. */
    static final Duration LEASE = Duration.ofSeconds(60);

    private static final Duration RENEW_EVERY = Duration.ofSeconds(20);

    /**
     * How long a request waits for an append under way on the same upload to end. A client whose connection dropped
     * asks where the upload stands at once, while the service may still be keeping what arrived before the drop. A
     * request of the append's own sender stops it at once instead (a phone that changed networks leaves its old
     * connection open and silent); an append of another instance ends by the HTTP read timeout.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);

    private final AttachmentService service;
    private final AttachmentRepository attachments;
    private final BlobStore store;
    private final Records records;
    private final Finishing finishing;
    private final AttachmentSweeper sweeper;
    private final Caller caller;
    private final MediaDetector detector = new MediaDetector();

    /** The appends under way in this instance, by upload. */
    private final Map<UUID, Append> underWay = new ConcurrentHashMap<>();

    /** An append under way: whom it speaks for ({@link Access#who()}) and how to stop it. */
    private record Append(String by, Runnable stop) {}

    Uploads(
            AttachmentService service,
            AttachmentRepository attachments,
            BlobStore store,
            Records records,
            Finishing finishing,
            AttachmentSweeper sweeper,
            Caller caller) {
        this.service = service;
        this.attachments = attachments;
        this.store = store;
        this.records = records;
        this.finishing = finishing;
        this.sweeper = sweeper;
        this.caller = caller;
    }

    /**
     * A file sent whole in one request: judged on its bytes before anything is written (its type against the kind,
     * the same bytes already on the record), then created, stored and finished as an upload of one piece.
     */
    public Created simple(AttachmentInput input, Path file) throws IOException {
        return simple(
                input.kind(),
                file,
                () -> {
                    service.writableParent(input);
                    return input.parentId();
                },
                size -> service.create(input, size),
                staff(),
                service::get);
    }

    /**
     * Who may go on with an upload: the attachment when the request may write to it, the problem otherwise. A
     * staff member's is {@link #staff()}; a reporter's, the report's upload key.
     */
    record Access(String who, java.util.function.Function<UUID, Attachment> check) {
        Attachment writable(UUID id) {
            return check.apply(id);
        }
    }

    /** Whoever may write the record, and of the uploading agency unless a coordinator. */
    Access staff() {
        return new Access("staff " + caller.subject(), id -> {
            Attachment a = service.visible(id);
            service.writer(a);
            return a;
        });
    }

    /**
     * A file sent whole, for the record {@code parent} names once the request may add to it (each step in a
     * transaction of its own): its type checked against the kind before anything is written, the same bytes on the
     * record answered with that attachment, else created by {@code create} and its bytes appended and finished.
     */
    Created simple(
            AttachmentKind kind,
            Path file,
            java.util.concurrent.Callable<UUID> parent,
            java.util.function.LongFunction<Created> create,
            Access access,
            java.util.function.Function<UUID, AttachmentDtos.AttachmentResponse> view)
            throws IOException {
        long size = Files.size(file);
        String type = detector.detect(() -> Files.newInputStream(file));
        if (!kind.accepts(type)) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    Message.of("attachment.type", "kind", kind, "type", type),
                    null,
                    kind.allowed());
        }
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = Sha256.of(in).hex();
        }
        Optional<Attachment> same =
                QuarkusTransaction.requiringNew().call(() -> attachments.sameBytes(parent.call(), sha256));
        if (same.isPresent()) {
            return new Created(QuarkusTransaction.requiringNew().call(() -> view.apply(same.get().id)), false);
        }
        Created created = QuarkusTransaction.requiringNew().call(() -> create.apply(size));
        if (!created.isNew() || size == 0) {
            return created;
        }
        UploadState state;
        try (InputStream in = Files.newInputStream(file)) {
            state = append(access, created.attachment().id(), 0, size, in, Optional.empty());
        }
        UUID id = state.sameAs() != null ? state.sameAs() : created.attachment().id();
        return new Created(QuarkusTransaction.requiringNew().call(() -> view.apply(id)), state.sameAs() == null);
    }

    /**
     * Where an upload stands (tus HEAD), once an append under way on it has ended: stopped at once when the caller
     * sent it, waited for otherwise.
     */
    public UploadState state(UUID id) {
        Access staff = staff();
        boolean writer;
        try {
            QuarkusTransaction.requiringNew().run(() -> staff.writable(id));
            writer = true;
        } catch (ProblemException notTheWriter) {
            writer = false; // a reader waits; one who may not see it gets settled's 404
        }
        return settled(service::visible, id, writer ? staff.who() : null);
    }

    /**
     * Where an upload stands for a request that {@code visible} lets see it, once no append is under way on it (each
     * step in a transaction of its own); {@code who} the writer the request speaks for, or null. The offset a client
     * resumes from must count what an append whose connection dropped is still keeping; after {@link #SETTLE} it is
     * what has arrived so far.
     */
    UploadState settled(java.util.function.Function<UUID, Attachment> visible, UUID id, String who) {
        Optional<UploadState> finished = QuarkusTransaction.requiringNew().call(() -> finishedAs(visible, id));
        if (finished.isPresent()) {
            return finished.get();
        }
        QuarkusTransaction.requiringNew().run(() -> visible.apply(id));
        if (who != null) {
            stopAppend(id, who);
        }
        awaitAppend(id);
        return QuarkusTransaction.requiringNew().call(() -> state(visible, id));
    }

    /**
     * Stops the append under way on the upload in this instance when it speaks for {@code who}: a phone that changed
     * networks stops its own piece, not a colleague's. The append keeps what arrived and lets go.
     */
    private void stopAppend(UUID id, String who) {
        Append running = underWay.get(id);
        if (running != null && running.by().equals(who)) {
            Log.infof("upload %s: a new request of the same sender stops the append under way", id);
            running.stop().run();
        }
    }

    /** Waits at most {@link #SETTLE} while an append holds the upload. */
    private void awaitAppend(UUID id) {
        long until = System.nanoTime() + SETTLE.toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> attachments.appending(id)) && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Where an upload stands, for a request that {@code visible} lets see it. */
    UploadState state(java.util.function.Function<UUID, Attachment> visible, UUID id) {
        Optional<UploadState> finished = finishedAs(visible, id);
        if (finished.isPresent()) {
            return finished.get();
        }
        Attachment a = visible.apply(id);
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
     * An upload that finished as the same bytes as an attachment already on its record, and so made no attachment of
     * its own: complete, as that attachment, until it would have expired, for a request that {@code visible} lets see
     * that attachment (anyone else gets the 404 of the upload's own id). Empty for any other id.
     */
    Optional<UploadState> finishedAs(java.util.function.Function<UUID, Attachment> visible, UUID id) {
        Optional<AttachmentRepository.FinishedUpload> finished = attachments.finished(id);
        if (finished.isEmpty()) {
            return Optional.empty();
        }
        Attachment kept;
        try {
            kept = visible.apply(finished.get().attachment());
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw ProblemException.notFound(Message.of("attachment.not-found", "id", id));
            }
            throw e;
        }
        long length = finished.get().length();
        return Optional.of(new UploadState(id, length, length, null, kept.status, kept.id));
    }

    /** The attachment an upload that made none of its own became, while it answers for it (see {@link #finishedAs}). */
    public Optional<UUID> became(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> attachments.finished(id).map(AttachmentRepository.FinishedUpload::attachment));
    }

    /**
     * An upload's state after a request: its declared length, its offset, its expiry while under way, its status, and
     * when the same bytes were already attached to the record, the attachment that holds them.
     */
    public record UploadState(
            UUID id, long length, long offset, Instant expiresAt, AttachmentStatus status, UUID sameAs) {

        /**
         * The attachment a complete upload became: the one that already held its bytes, or its own once available;
         * null while under way or refused.
         */
        public UUID attachment() {
            return sameAs != null ? sameAs : status == AttachmentStatus.AVAILABLE ? id : null;
        }
    }

    /**
     * Appends a piece at {@code offset}. The piece is kept when its bytes arrived whole (and match their checksum when
     * one was sent), or when the connection dropped part-way and no checksum was sent (tus: what arrived counts).
     * When the last byte has arrived, the attachment is finished.
     */
    public UploadState append(UUID id, long offset, long contentLength, InputStream body, Optional<byte[]> checksum)
            throws IOException {
        return append(staff(), id, offset, contentLength, body, checksum);
    }

    /** As {@link #append(UUID, long, long, InputStream, Optional)}, for a request that {@code access} lets write. */
    UploadState append(
            Access access, UUID id, long offset, long contentLength, InputStream body, Optional<byte[]> checksum)
            throws IOException {
        UUID lease = UUID.randomUUID();
        long length = QuarkusTransaction.requiringNew().call(() -> takeLease(access, id, offset, contentLength, lease));
        if (length == HELD) {
            stopAppend(id, access.who());
            awaitAppend(id);
            length = QuarkusTransaction.requiringNew().call(() -> takeLease(access, id, offset, contentLength, lease));
            if (length == HELD) {
                throw ProblemException.conflict(Message.of("attachment.upload.busy"));
            }
        }
        String key = "uploads/" + id + "/" + offset + "-" + lease;
        Piece piece = new Piece(
                body,
                contentLength < 0 ? length - offset : Math.min(contentLength, length - offset),
                () -> QuarkusTransaction.requiringNew().call(() -> attachments.renew(id, lease, LEASE)));
        long stored;
        Append running = body instanceof StreamedInput streamed ? new Append(access.who(), streamed::drop) : null;
        if (running != null) {
            underWay.put(id, running);
        }
        try {
            stored = store.write(key, piece, checksum.isEmpty());
        } catch (BlobStore.IncompleteWrite dropped) {
            Log.infof("upload %s: the connection dropped %d bytes into the piece at %d", id, dropped.stored(), offset);
            if (dropped.stored() > 0) {
                if (record(id, lease, offset, dropped.stored(), key, piece.digest())
                        && offset + dropped.stored() == length) {
                    // every byte arrived, only the body's end did not: nobody would send a piece to finish it
                    finishing.finish(id);
                }
            } else {
                discard(id, lease, key);
            }
            throw dropped;
        } catch (IOException | RuntimeException e) {
            discard(id, lease, key);
            throw e;
        } finally {
            if (running != null) {
                underWay.remove(id, running);
            }
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
            return finishing.finish(id);
        }
        return QuarkusTransaction.requiringNew().call(() -> state(access::writable, id));
    }

    /**
     * The upload's attachment, when {@code access} lets the request write it; an upload that finished as another
     * attachment is complete (409: nothing more to send, nothing to abandon), as a finished one of its own is.
     */
    private Attachment writableUpload(Access access, UUID id) {
        // looked up first, as state() does: a refusal of access.writable marks the transaction for rollback, and no
        // query may follow it
        if (finishedAs(access::writable, id).isPresent()) {
            throw ProblemException.conflict(Message.of("attachment.upload.complete"));
        }
        return access.writable(id);
    }

    /** What {@link #takeLease} answers while another append holds the upload. */
    private static final long HELD = -1;

    /**
     * The declared length, once the caller holds the upload at {@code offset}; {@link #HELD} while another append
     * holds it; the tus answers otherwise.
     */
    private long takeLease(Access access, UUID id, long offset, long contentLength, UUID lease) {
        Attachment a = writableUpload(access, id);
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
            if (attachments.appending(id)) {
                return HELD;
            }
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
            sweeper.deleteQuietly(key);
        }
        return recorded;
    }

    private void discard(UUID id, UUID lease, String key) {
        QuarkusTransaction.requiringNew().run(() -> attachments.release(id, lease));
        sweeper.deleteQuietly(key);
    }

    /** Finishes an upload that has all its bytes without a piece being sent (one of no bytes). */
    UploadState finish(UUID id) throws IOException {
        return finishing.finish(id);
    }

    /** Ends an upload under way and removes what arrived (tus termination). */
    @Transactional
    public void terminate(UUID id) {
        terminate(staff(), id);
    }

    /** As {@link #terminate(UUID)}, for a request that {@code access} lets write. */
    @Transactional
    void terminate(Access access, UUID id) {
        Attachment a = writableUpload(access, id);
        if (a.status != AttachmentStatus.UPLOADING) {
            throw ProblemException.conflict(Message.of("attachment.upload.complete"));
        }
        records.deleted(a, AttachmentService.typeOf(a), a.regionCode);
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
