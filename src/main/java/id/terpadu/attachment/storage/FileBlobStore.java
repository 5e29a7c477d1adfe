package id.terpadu.attachment.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps each key as a file below a root folder. A write goes to a hidden temporary file beside its target and is
 * moved into place atomically, so a reader never sees half a file and a crash leaves no key half-written.
 */
public final class FileBlobStore implements BlobStore {

    /** What a write gathers before it goes to the disk. */
    private static final int WRITE_BUFFER = 256 * 1024;

    private final Path root;

    public FileBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public long write(String key, InputStream in, boolean keepPartial) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Copying.Copied copied;
        // a piece arrives in the network's small chunks (about 16 KB each): gathered into large writes
        try (OutputStream out = new BufferedOutputStream(
                Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW), WRITE_BUFFER)) {
            copied = Copying.copy(in, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        IOException failure = copied.failure();
        long written = copied.bytes();
        if (failure != null && !keepPartial) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (failure != null) {
            throw new IncompleteWrite(written, failure);
        }
        return written;
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // another disk: copied beside the target first, so that a reader never sees half a file
            try (InputStream in = Files.newInputStream(file)) {
                write(key, in, false);
            }
            Files.deleteIfExists(file);
        }
    }

    @Override
    public boolean take(String key, Path target) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        removeEmptyParents(file.getParent());
        return true;
    }

    /** {@code .scratch} below the root: no key starts with a dot, so no key can reach it. */
    @Override
    public Path scratch() throws IOException {
        return Files.createDirectories(root.resolve(".scratch"));
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(path(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        InputStream all = Channels.newInputStream(channel);
        return length < 0 ? all : new Bounded(all, length);
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(Files.size(path(key)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = path(key);
        Files.deleteIfExists(file);
        removeEmptyParents(file.getParent());
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        Path folder = path(prefix);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
        removeEmptyParents(folder.getParent());
    }

    @Override
    public Optional<URI> presignedRead(String key, Duration ttl, String mediaType, String contentDisposition) {
        return Optional.empty();
    }

    @Override
    public void check() throws IOException {
        Files.createDirectories(root);
        Path probe = Files.createTempFile(root, ".probe", ".tmp");
        Files.delete(probe);
    }

    private Path path(String key) {
        Path path = root.resolve(BlobStore.checked(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return path;
    }

    /** Folders emptied by a removal go too, up to the root, so that expired uploads leave nothing behind. */
    private void removeEmptyParents(Path folder) throws IOException {
        for (Path p = folder; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            try {
                if (!Files.deleteIfExists(p)) {
                    return;
                }
            } catch (DirectoryNotEmptyException e) {
                return;
            }
        }
    }

    /** At most {@code remaining} bytes of a stream. */
    static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
