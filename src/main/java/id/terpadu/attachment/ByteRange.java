package id.terpadu.attachment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * One range of bytes of a file of a known size (RFC 9110 §14): {@code bytes=first-last}, {@code bytes=first-} or the
 * suffix {@code bytes=-length}. Several ranges, or another unit, are served as the whole file (the server may
 * ignore a Range it does not take); a range that starts past the end is a 416.
 */
record ByteRange(long first, long last) {

    private static final Pattern ONE = Pattern.compile("bytes=([0-9]{0,19})-([0-9]{0,19})");

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** The range asked for, or empty for the whole file. */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = ONE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) { // the last n bytes
                long n = Long.parseLong(m.group(2));
                if (n == 0 || size == 0) {
                    throw unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return Optional.empty(); // not a valid range: ignored, the whole file is served
            }
            if (first >= size) {
                throw unsatisfiable(size);
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ProblemException unsatisfiable(long size) {
        return new ProblemException(ProblemType.RANGE_NOT_SATISFIABLE, Message.of("attachment.range", "size", size));
    }
}
