package id.terpadu.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import id.terpadu.attachment.storage.BlobStore;
import id.terpadu.attachment.storage.S3BlobStore;
import id.terpadu.support.S3Server;

/**
 * Every attachment test again, with the bytes in S3-compatible object storage: a real S3 server (S3Proxy) started by
 * the test, reached through the AWS SDK with path-style addressing and static keys, as MinIO or Ceph would be.
 */
@QuarkusTest
@TestProfile(AttachmentOnS3Test.ObjectStorage.class)
class AttachmentOnS3Test extends AttachmentResourceTest {

    /** The service with its store on a fresh bucket of the test's S3 server. */
    public static class ObjectStorage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String bucket = "terpadu-" + UUID.randomUUID();
            S3Server.get().store(bucket, Path.of("target/s3-spool")).close();
            return Map.of(
                    "terpadu.attachments.store",
                    "s3",
                    "terpadu.attachments.s3.endpoint",
                    S3Server.get().endpoint().toString(),
                    "terpadu.attachments.s3.bucket",
                    bucket,
                    "terpadu.attachments.s3.access-key",
                    S3Server.ACCESS_KEY,
                    "terpadu.attachments.s3.secret-key",
                    S3Server.SECRET_KEY,
                    "terpadu.attachments.s3.prefix",
                    "terpadu");
        }
    }

    @Test
    void theBytesAreInTheBucket() {
        BlobStore store = Arc.container().instance(BlobStore.class).get();
        assertThat(io.quarkus.arc.ClientProxy.unwrap(store)).isInstanceOf(S3BlobStore.class);
        String id = attachPhoto("13.77");
        try {
            assertThat(store.size("files/" + id)).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
