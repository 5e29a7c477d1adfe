package id.terpadu.attachment.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path root;

    @Override
    BlobStore store() {
        return new FileBlobStore(root);
    }

    @Test
    void leavesNoTemporaryFilesAndNoEmptyFolders() throws IOException {
        BlobStore store = store();
        store.write("uploads/x/0", new ByteArrayInputStream(bytes(100, 9)), false);
        try {
            store.write("uploads/x/100", failingAfter(bytes(100, 10)), false);
        } catch (IOException expected) {
            // the failure is the point
        }
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString()))
                    .containsExactly("uploads/x/0");
        }
        store.deleteAll("uploads/x");
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left)
                    .as("uploads/ and uploads/x/ go with their last file")
                    .isEmpty();
        }
    }

    @Test
    void givesAKeysBytesToAFileOfItsScratchFolder() throws IOException {
        BlobStore store = store();
        byte[] data = bytes(50_000, 13);
        store.write("uploads/y/0-a", new ByteArrayInputStream(data), false);
        Path target = Files.createTempFile(store.scratch(), "upload-", ".bin");
        org.assertj.core.api.Assertions.assertThat(store.take("uploads/y/0-a", target))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(target)).isEqualTo(data);
        org.assertj.core.api.Assertions.assertThat(store.size("uploads/y/0-a")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(store.take("uploads/y/0-a", target))
                .as("gone")
                .isFalse();
    }

    @Test
    void hasNoPresignedUrls() {
        assertThat(store().presignedRead("k", Duration.ofMinutes(5), "image/jpeg", "attachment"))
                .isEmpty();
    }
}
