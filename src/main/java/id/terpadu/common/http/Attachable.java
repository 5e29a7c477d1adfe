package id.terpadu.common.http;

/**
 * A record that takes attachments, answered with how many of them the reader may read. The count changes without
 * the record's version (an attachment is a resource of its own), so it is part of the ETag: {@code "<version>"}
 * while there is none, {@code "<version>-<count>"} otherwise. {@code If-Match} compares only the version (see
 * {@link ETags}).
 *
 * @param <R> the record itself
 */
public interface Attachable<R extends Attachable<R>> extends Versioned {

    /** The attachments the reader may read; {@code null} in what the change log keeps (a count is a reader's). */
    Integer attachments();

    /** The same record with this count. */
    R withAttachments(int count);

    @Override
    default String etag() {
        Integer count = attachments();
        return count == null || count == 0 ? Long.toString(version()) : version() + "-" + count;
    }
}
