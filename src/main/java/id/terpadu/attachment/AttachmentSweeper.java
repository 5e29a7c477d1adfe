package id.terpadu.attachment;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The attachments' housekeeping, on every instance (each step takes its own rows, so instances do not collide):
 * thumbnails that are due, uploads past their expiry, and bytes queued for removal.
 */
@ApplicationScoped
class AttachmentSweeper {

    private static final int BATCH = 50;
    private final AttachmentService service;

    AttachmentSweeper(AttachmentService service) {
        this.service = service;
    }

    @Scheduled(
            every = "${terpadu.attachments.sweep-every}",
            delayed = "${terpadu.attachments.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int thumbnails = service.makeThumbnails(BATCH);
        int expired = service.removeExpired(BATCH);
        int removed = service.collectGarbage(BATCH);
        if (thumbnails + expired + removed > 0) {
            Log.debugf(
                    "Attachments: %d thumbnails made, %d expired uploads removed, %d stored keys removed",
                    thumbnails, expired, removed);
        }
    }
}
