package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import id.terpadu.attachment.storage.BlobStore;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.security.Caller;

/**
 * The attachments' housekeeping, on every instance (each step takes its own rows, so instances do not collide):
 * thumbnails that are due, uploads past their expiry (and what finished ones that made no attachment of their own
 * became), the served copies of attachments made before their digest and size were kept, and bytes queued for
 * removal.
 */
@ApplicationScoped
class AttachmentSweeper {

    private static final int BATCH = 50;
    /** How long an expired upload still answers 410 before it is removed (and then is unknown: 404). */
    static final Duration EXPIRED_KEPT = Duration.ofMinutes(10);
    /** Who the change log names for an expired upload's removal. */
    static final String EXPIRY_ACTOR = "system:attachment-expiry";
    /** How long a served copy that could not be read waits before the sweeper tries it again. */
    static final Duration SERVED_COPY_RETRY = Duration.ofDays(1);

    private final AttachmentRepository attachments;
    private final AttachmentConfig config;
    private final BlobStore store;
    private final Records records;
    private final Caller caller;

    AttachmentSweeper(
            AttachmentRepository attachments,
            AttachmentConfig config,
            BlobStore store,
            Records records,
            Caller caller) {
        this.attachments = attachments;
        this.config = config;
        this.store = store;
        this.records = records;
        this.caller = caller;
    }

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.attachments.sweep-every}",
            delayed = "${terpadu.attachments.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int thumbnails = makeThumbnails(BATCH);
        int expired = removeExpired(BATCH);
        int forgotten = QuarkusTransaction.requiringNew().call(() -> attachments.forgetFinished(BATCH));
        int described = describeServedCopies(BATCH);
        int removed = collectGarbage(BATCH);
        if (thumbnails + expired + forgotten + described + removed > 0) {
            Log.debugf(
                    "Attachments: %d thumbnails made, %d expired uploads removed, %d finished uploads forgotten, "
                            + "%d served copies described, %d stored keys removed",
                    thumbnails, expired, forgotten, described, removed);
        }
    }

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
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Attachment a = attachments.findById(id);
                    if (a != null && a.status == AttachmentStatus.UPLOADING) {
                        records.deleted(a, AttachmentService.typeOf(a), a.regionCode);
                    }
                });
            } catch (RuntimeException e) {
                // one upload that cannot be removed now (another writer holds it) leaves the others and the sweep's
                // later steps to go on; it is found again by the next sweep
                Log.warnf(
                        "Could not remove expired upload %s: %s",
                        id, e.getClass().getSimpleName());
            }
        }
        return expired.size();
    }

    /**
     * Reads the served copies of attachments made before the SHA-256 and size of that copy were kept, and records
     * them; returns how many. The rows are taken in a short transaction that stamps them ({@link
     * AttachmentRepository#takeServedCopiesUnknown}): another instance takes others, and a copy that cannot be read
     * waits {@link #SERVED_COPY_RETRY} instead of being taken again by every sweep and holding up the rows behind it.
     * The bytes are read outside any transaction, as all bytes (a copy may be a gigabyte), and one row's failure, of
     * the store or of the database, is logged (its id only) and leaves the others and the sweep's later steps to go on.
     *
     * <p>What is recorded is no change of the attachment: the served copy's bytes were the same all along (it is
     * never rewritten), and only their description is filled in. So there is no new version and nothing in the change
     * log, the feed or webhooks: one event per historical file would flood every subscriber with changes nobody made,
     * and a new version would refuse a concurrent {@code If-Match} (412) of a client that read the attachment a moment
     * before. The answer does change (its {@code size} becomes the served copy's and {@code contentSha256} appears), so
     * its ETag does: {@code "<version>-1"} once described this way ({@link AttachmentDtos.AttachmentResponse#etag()}),
     * which {@code If-None-Match} tells apart from the {@code "<version>"} a client cached before (no 304 with the old
     * size) and {@code If-Match} still reads as the same version. The download's ETag is the copy's own digest and
     * is right either way. A reader of the feed learns the new size and digest with the attachment's next change.
     */
    int describeServedCopies(int max) {
        List<Object[]> due = QuarkusTransaction.requiringNew()
                .call(() -> attachments.takeServedCopiesUnknown(max, SERVED_COPY_RETRY));
        int described = 0;
        for (Object[] row : due) {
            UUID id = (UUID) row[0];
            String key = (String) row[1];
            try {
                Sha256 copy;
                try (InputStream in = store.read(key, 0, -1)) {
                    copy = Sha256.of(in);
                }
                if (QuarkusTransaction.requiringNew()
                        .call(() -> attachments.servedCopyDescribed(id, key, copy.hex(), copy.size()))) {
                    described++;
                }
            } catch (IOException | RuntimeException e) {
                // the id and what failed only: a message may name the store's paths or addresses
                Log.warnf(
                        "Could not describe the served copy of attachment %s (%s); tried again in %d hours",
                        id, e.getClass().getName(), SERVED_COPY_RETRY.toHours());
            }
        }
        return described;
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
                } catch (IOException | RuntimeException e) {
                    // an object store's client fails with unchecked exceptions: kept queued, the next key goes on
                    Log.warnf(
                            "Could not remove %s from the attachment store (kept queued): %s",
                            key, e.getClass().getSimpleName());
                    continue;
                }
                attachments.collected(key);
                removed++;
            }
            return removed;
        });
    }

    /** Removes a key now, or queues it for the next sweep when the store cannot. */
    void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> attachments.queueGarbage(key, false));
        }
    }
}
