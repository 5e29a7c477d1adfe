package id.terpadu.attachment;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import id.terpadu.attachment.storage.BlobStore;
import id.terpadu.attachment.storage.FileBlobStore;
import id.terpadu.attachment.storage.S3BlobStore;

/** The store the settings name: the file system (default) or S3-compatible object storage. */
@ApplicationScoped
public class BlobStores {

    @Produces
    @ApplicationScoped
    BlobStore store(AttachmentConfig config) {
        return switch (config.store()) {
            case "file" -> new FileBlobStore(config.folder());
            case "s3" -> {
                AttachmentConfig.S3 s3 = config.s3();
                yield new S3BlobStore(new S3BlobStore.Settings(
                        s3.endpoint(),
                        s3.region(),
                        s3.bucket(),
                        s3.pathStyle(),
                        s3.accessKey(),
                        s3.secretKey(),
                        s3.prefix(),
                        spool()));
            }
            default ->
                throw new IllegalStateException(
                        "terpadu.attachments.store is " + config.store() + "; it must be file or s3");
        };
    }

    void close(@Disposes BlobStore store) {
        if (store instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing at shutdown: nothing left to do with a failure
            }
        }
    }

    /** Where an upload to object storage is spooled while it arrives. */
    private static Path spool() {
        return Path.of(System.getProperty("java.io.tmpdir"), "terpadu-spool");
    }
}
