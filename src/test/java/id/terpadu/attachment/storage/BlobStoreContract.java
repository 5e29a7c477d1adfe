package id.terpadu.attachment.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} must do, run against each implementation with a real back end. */
abstract class BlobStoreContract {

    /** A store with nothing in it. */
    abstract BlobStore store();

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** Yields {@code data}, then fails as a dropped connection does. */
    static InputStream failingAfter(byte[] data) {
        return new InputStream() {
            int at;

            @Override
            public int read() throws IOException {
                if (at == data.length) {
                    throw new IOException("connection reset");
                }
                return data[at++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == data.length) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, data.length - at);
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void writesReadsAndSizes() throws IOException {
        BlobStore store = store();
        byte[] data = bytes(200_000, 1);
        assertThat(store.write("a/b/c.bin", new ByteArrayInputStream(data), false))
                .isEqualTo(data.length);
        assertThat(store.size("a/b/c.bin")).hasValue(data.length);
        assertThat(readAll(store.read("a/b/c.bin", 0, -1))).isEqualTo(data);
    }

    @Test
    void aWriteReplaces() throws IOException {
        BlobStore store = store();
        store.write("k", new ByteArrayInputStream(bytes(1000, 2)), false);
        byte[] second = "second".getBytes(StandardCharsets.UTF_8);
        store.write("k", new ByteArrayInputStream(second), false);
        assertThat(readAll(store.read("k", 0, -1))).isEqualTo(second);
        assertThat(store.size("k")).hasValue(second.length);
    }

    @Test
    void anEmptyWriteIsAnEmptyObject() throws IOException {
        BlobStore store = store();
        assertThat(store.write("empty", InputStream.nullInputStream(), false)).isZero();
        assertThat(store.size("empty")).hasValue(0);
        assertThat(readAll(store.read("empty", 0, -1))).isEmpty();
    }

    @Test
    void readsRanges() throws IOException {
        BlobStore store = store();
        byte[] data = bytes(10_000, 3);
        store.write("r", new ByteArrayInputStream(data), false);
        assertThat(readAll(store.read("r", 100, 50))).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 150));
        assertThat(readAll(store.read("r", 9_990, -1))).isEqualTo(java.util.Arrays.copyOfRange(data, 9_990, 10_000));
        assertThat(readAll(store.read("r", 9_990, 500)))
                .as("a range past the end stops at the end")
                .isEqualTo(java.util.Arrays.copyOfRange(data, 9_990, 10_000));
        assertThat(readAll(store.read("r", 10_000, -1)))
                .as("from the end: nothing")
                .isEmpty();
        assertThat(readAll(store.read("r", 0, 0))).isEmpty();
    }

    @Test
    void aMissingKeyHasNoSizeAndCannotBeRead() throws IOException {
        BlobStore store = store();
        assertThat(store.size("nothing/here")).isEmpty();
        assertThatThrownBy(() -> readAll(store.read("nothing/here", 0, -1))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aDroppedInputKeepsWhatArrivedWhenAsked() throws IOException {
        BlobStore store = store();
        byte[] arrived = bytes(70_000, 4);
        assertThatThrownBy(() -> store.write("u/1/0", failingAfter(arrived), true))
                .isInstanceOfSatisfying(
                        BlobStore.IncompleteWrite.class,
                        e -> assertThat(e.stored()).isEqualTo(arrived.length));
        assertThat(readAll(store.read("u/1/0", 0, -1))).isEqualTo(arrived);
    }

    @Test
    void aDroppedInputStoresNothingOtherwiseAndLeavesTheOldBytes() throws IOException {
        BlobStore store = store();
        byte[] old = bytes(500, 5);
        store.write("kept", new ByteArrayInputStream(old), false);
        assertThatThrownBy(() -> store.write("kept", failingAfter(bytes(70_000, 6)), false))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobStore.IncompleteWrite.class);
        assertThatThrownBy(() -> store.write("new", failingAfter(bytes(70_000, 6)), false))
                .isInstanceOf(IOException.class);
        assertThat(readAll(store.read("kept", 0, -1))).isEqualTo(old);
        assertThat(store.size("new")).isEmpty();
    }

    @Test
    void deletesOneKeyAndIsIdempotent() throws IOException {
        BlobStore store = store();
        store.write("d/x", new ByteArrayInputStream(bytes(10, 7)), false);
        store.delete("d/x");
        store.delete("d/x");
        store.delete("never/was");
        assertThat(store.size("d/x")).isEmpty();
    }

    @Test
    void deletesAllBelowAPrefixAndNothingBeside() throws IOException {
        BlobStore store = store();
        for (String key :
                new String[] {"uploads/ab/0", "uploads/ab/100", "uploads/ab/sub/1", "uploads/abc/0", "uploads/ab.bin"
                }) {
            store.write(key, new ByteArrayInputStream(bytes(10, key.hashCode())), false);
        }
        store.deleteAll("uploads/ab");
        assertThat(store.size("uploads/ab/0")).isEmpty();
        assertThat(store.size("uploads/ab/100")).isEmpty();
        assertThat(store.size("uploads/ab/sub/1")).isEmpty();
        assertThat(store.size("uploads/abc/0"))
                .as("a sibling with a longer name")
                .hasValue(10);
        assertThat(store.size("uploads/ab.bin")).hasValue(10);
        store.deleteAll("uploads/never");
    }

    @Test
    void refusesKeysThatCouldLeaveItsPlace() {
        BlobStore store = store();
        for (String key : new String[] {
            "../etc/passwd", "/abs", "a/../../b", "A/Upper", "a//b", "a/", "", "a b", "a\\b", "..", "a/.."
        }) {
            assertThatThrownBy(() -> store.write(key, InputStream.nullInputStream(), false))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsLargeObjectsExactly() throws Exception {
        BlobStore store = store();
        byte[] data = bytes(12 * 1024 * 1024 + 17, 8);
        store.write("big/one", new ByteArrayInputStream(data), false);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        expected.update(data);
        actual.update(readAll(store.read("big/one", 0, -1)));
        assertThat(actual.digest()).isEqualTo(expected.digest());
    }

    @Test
    void keepsAFileOfItsScratchFolderAndTheFileIsGone() throws IOException {
        BlobStore store = store();
        byte[] data = bytes(300_000, 12);
        java.nio.file.Path file = java.nio.file.Files.createTempFile(store.scratch(), "upload-", ".bin");
        java.nio.file.Files.write(file, data);
        store.put("files/kept", file);
        assertThat(java.nio.file.Files.exists(file)).isFalse();
        assertThat(readAll(store.read("files/kept", 0, -1))).isEqualTo(data);
        java.nio.file.Path other = java.nio.file.Files.createTempFile("elsewhere-", ".bin");
        java.nio.file.Files.write(other, "second".getBytes(StandardCharsets.UTF_8));
        store.put("files/kept", other);
        assertThat(readAll(store.read("files/kept", 0, -1)))
                .as("replaced, from another folder")
                .isEqualTo("second".getBytes(StandardCharsets.UTF_8));
        assertThat(java.nio.file.Files.exists(other)).isFalse();
    }

    @Test
    void isReady() throws IOException {
        store().check();
    }
}
