package id.terpadu.common.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.paging.Page;

/**
 * How many attachments of each record the caller may read: those available (an upload under way or a refused one
 * is not counted) of a classification the caller is cleared for. The caller already sees the records, so their
 * region is implied. A list asks once for its page, never once a row.
 */
public interface AttachmentCounts {

    /** The counts of these records by id; a record without any is absent. */
    Map<UUID, Integer> of(Collection<UUID> recordIds);

    /** The record with its count. */
    default <R extends Attachable<R>> R counted(R record) {
        return record.withAttachments(of(List.of(record.id())).getOrDefault(record.id(), 0));
    }

    /** The page's records with their counts, in one query. */
    default <R extends Attachable<R>> Page<R> countedPage(Page<R> page) {
        if (page.items().isEmpty()) {
            return page;
        }
        Map<UUID, Integer> counts = of(page.items().stream().map(Attachable::id).toList());
        return page.map(r -> r.withAttachments(counts.getOrDefault(r.id(), 0)));
    }
}
