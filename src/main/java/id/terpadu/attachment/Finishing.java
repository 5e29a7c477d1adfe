package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import id.terpadu.attachment.AttachmentDtos.AttachmentResponse;
import id.terpadu.attachment.AttachmentDtos.Capture;
import id.terpadu.attachment.storage.BlobStore;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.persistence.Records;

/**
 * What happens once all of an upload's bytes are here: the pieces are put together (hashed), the type is detected
 * and checked against the kind, the same bytes on the same record become one attachment, where and when it was taken
 * is read (kept apart, restricted), the served copy is cleaned of it, and a thumbnail is asked for.
 */
@ApplicationScoped
class Finishing {

    /** How many thumbnails an upload's answer has made at once (the rest wait for the sweeper). */
    private static final int THUMBNAILS_AT_ONCE = 5;

    private final AttachmentRepository attachments;
    private final AttachmentConfig config;
    private final BlobStore store;
    private final Records records;
    private final AttachmentSweeper sweeper;
    private final io.vertx.core.Vertx vertx;
    private final MediaDetector detector = new MediaDetector();

    Finishing(
            AttachmentRepository attachments,
            AttachmentConfig config,
            BlobStore store,
            Records records,
            AttachmentSweeper sweeper,
            io.vertx.core.Vertx vertx) {
        this.attachments = attachments;
        this.config = config;
        this.store = store;
        this.records = records;
        this.sweeper = sweeper;
        this.vertx = vertx;
    }

    /**
     * All bytes are here: put the pieces together (hashing them), detect the type, refuse it if the kind does not
     * take it, find the same bytes already on the record, read where and when it was taken, keep the cleaned copy
     * (and the original when the setting says so), and make the attachment available.
     */
    Uploads.UploadState finish(UUID id) throws IOException {
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
            // a citizen's photo: where and when it was taken is the reporter's personal data, which no reader needs;
            // it is neither read nor kept, and no original (which holds it) is kept either
            boolean citizens = a.parentType == ParentType.INTAKE_REPORT;
            if (!citizens
                    && (mediaType.startsWith("image/")
                            || mediaType.startsWith("video/")
                            || mediaType.startsWith("audio/"))) {
                try (InputStream in = Files.newInputStream(whole)) {
                    FileCapture read = FileCapture.read(in);
                    if (!read.isEmpty()) {
                        fromFile = new Capture(read.takenAt(), read.latitude(), read.longitude(), "FILE");
                    }
                }
            }
            boolean cleans = MetadataStripper.cleans(mediaType) || IsoMediaCleaner.cleans(mediaType);
            if (config.keepOriginals() && cleans && !citizens) {
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
            // the served copy is what a download's ETag and Content-Length describe: a cleaned one is hashed anew
            String contentSha256;
            try (InputStream in = Files.newInputStream(served)) {
                contentSha256 = cleans ? Sha256.of(in).hex() : sha256;
            }
            long contentSize = Files.size(served);
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
            Uploads.UploadState done = QuarkusTransaction.requiringNew()
                    .call(() -> available(
                            id,
                            sha256,
                            mediaType,
                            size,
                            capture,
                            new ServedCopy(contentKey, contentSha256, contentSize),
                            kept));
            if (done.sameAs() != null) {
                written.forEach(sweeper::deleteQuietly);
            } else if (Thumbnails.madeFor(mediaType)) {
                // at once, on a worker thread, after the answer's transaction; the sweeper takes what this misses
                vertx.executeBlocking(() -> sweeper.makeThumbnails(THUMBNAILS_AT_ONCE), false);
            }
            return done;
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof ProblemException)) {
                written.forEach(sweeper::deleteQuietly);
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

    /** Where the served copy is kept, and its SHA-256 and size. */
    record ServedCopy(String key, String sha256, long size) {}

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
        if (a.parentType == ParentType.INTAKE_REPORT) {
            // a reporter's refused file is not kept, not even as a refusal: it takes no room of the report
            records.deleted(a, AttachmentService.typeOf(a), a.regionCode);
            return;
        }
        a.status = AttachmentStatus.REJECTED;
        a.sha256 = sha256;
        a.mediaType = mediaType;
        a.rejection = Message.of(why, "kind", a.kind, "type", mediaType).in("en");
        attachments.removeUpload(id);
        changed(a);
    }

    /** The attachment's new state, in the change log as every change of it is (without its upload's progress). */
    private void changed(Attachment a) {
        records.updated(
                a,
                AttachmentService.typeOf(a),
                a.regionCode,
                x -> AttachmentResponse.from(x, null),
                AttachmentResponse::logged);
    }

    private Uploads.UploadState available(
            UUID id,
            String sha256,
            String mediaType,
            long size,
            Capture fromFile,
            ServedCopy served,
            String originalKey) {
        Attachment a = attachments.findById(id);
        Optional<Attachment> same = attachments.sameBytes(a.parentId, sha256);
        if (same.isPresent()) {
            Attachment kept = same.get();
            // no attachment of its own, but its address answers as complete, as the one that holds its bytes, until
            // it would have expired: a client whose answer was lost asks there, or repeats its creation, and is told
            AttachmentUpload upload = attachments.upload(id);
            attachments.finishedAs(
                    id,
                    kept.id,
                    a.size,
                    a.createdBy,
                    upload != null ? upload.expiresAt : java.time.Instant.now().plus(config.uploadExpiry()));
            records.deleted(a, AttachmentService.typeOf(a), a.regionCode);
            return new Uploads.UploadState(id, a.size, a.size, null, kept.status, kept.id);
        }
        a.status = AttachmentStatus.AVAILABLE;
        a.sha256 = sha256;
        a.mediaType = mediaType;
        a.size = size;
        a.contentKey = served.key();
        a.contentSha256 = served.sha256();
        a.contentSize = served.size();
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
        changed(a);
        return new Uploads.UploadState(a.id, a.size, a.size, null, a.status, null);
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
}
