package id.terpadu.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Where the bytes of attachments live: the local file system under the service's data folder (the default) or an
 * S3-compatible object store. Keys are relative paths of lower-case letters, digits, {@code .}, {@code -} and
 * {@code _} separated by {@code /}; the service makes them from ids, never from a client's file name.
 *
 * <p>Both implementations pass the same tests ({@code BlobStoreContract}); everything the attachment rules need
 * (resumable uploads, ranges, removal of an upload's pieces) is expressed through these few operations.
 */
public interface BlobStore {

    /** What a key may look like. */
    Pattern KEY = Pattern.compile("[a-z0-9_-][a-z0-9._-]*(/[a-z0-9_-][a-z0-9._-]*)*");

    /**
     * Stores everything {@code in} yields under {@code key}, replacing what was there, and returns the byte count.
     * The bytes become visible under the key only once written. When {@code in} fails part-way (a phone's connection
     * dropped) and {@code keepPartial} is set, what arrived is stored under the key and an {@link IncompleteWrite}
     * says how much; otherwise nothing is stored and the failure is thrown.
     */
    long write(String key, InputStream in, boolean keepPartial) throws IOException;

    /**
     * Stores the file under {@code key}, replacing what was there. The file is moved where the store can (a file of
     * {@link #scratch()} into the file store is a rename); it is gone afterwards either way.
     */
    void put(String key, Path file) throws IOException;

    /**
     * Moves the bytes of {@code key} to {@code target}, a file of {@link #scratch()}, when the store holds them on this
     * disk; false (and nothing moved) otherwise. The key is gone afterwards.
     */
    boolean take(String key, Path target) throws IOException;

    /** A folder for temporary files that {@link #put} keeps cheaply: on the store's own disk, or the upload spool. */
    Path scratch() throws IOException;

    /** The bytes of {@code key} from {@code offset}, at most {@code length} of them ({@code -1}: to the end). */
    InputStream read(String key, long offset, long length) throws IOException;

    /** The size of {@code key}, or empty when nothing is stored under it. */
    OptionalLong size(String key) throws IOException;

    /** Removes {@code key}; removing what is not there is not an error. */
    void delete(String key) throws IOException;

    /** Removes every key below {@code prefix} (a folder-like key without the trailing slash). */
    void deleteAll(String prefix) throws IOException;

    /**
     * A short-lived URL from which a client may read {@code key} directly, answered with the given media type and
     * {@code Content-Disposition}; empty when the store has no such thing (the file system).
     */
    Optional<URI> presignedRead(String key, Duration ttl, String mediaType, String contentDisposition);

    /** Throws when the store cannot be written (readiness). */
    void check() throws IOException;

    /** A write that ended early because its input failed, after keeping what had arrived. */
    final class IncompleteWrite extends IOException {
        private final long stored;

        public IncompleteWrite(long stored, IOException cause) {
            super("input ended after " + stored + " bytes: " + cause.getMessage(), cause);
            this.stored = stored;
        }

        public long stored() {
            return stored;
        }
    }

    /** Refuses a key the store would not keep safely. */
    static String checked(String key) {
        if (key == null || key.length() > 512 || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key;
    }
}
