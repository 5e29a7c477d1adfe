package id.terpadu.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies what an input yields until it ends or fails, keeping both the count and the input's failure. */
final class Copying {

    /** What was copied, and the input's failure when it ended early (null when it ended normally). */
    record Copied(long bytes, IOException failure) {}

    private Copying() {}

    /** Copies {@code in} to {@code out}; a failure of {@code out} is thrown, a failure of {@code in} is returned. */
    static Copied copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                return new Copied(written, e);
            }
            if (n < 0) {
                return new Copied(written, null);
            }
            out.write(buffer, 0, n);
            written += n;
        }
    }
}
