package id.terpadu.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 (hex) and length of bytes read to their end: an upload's, a served copy's. */
record Sha256(String hex, long size) {

    /** Reads {@code in} to its end (the caller closes it). */
    static Sha256 of(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
            size += n;
        }
        return new Sha256(HexFormat.of().formatHex(sha.digest()), size);
    }
}
