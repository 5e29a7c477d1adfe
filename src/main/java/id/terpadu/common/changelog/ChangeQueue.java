package id.terpadu.common.changelog;

/**
 * A listener that queues work for each change in the change log's own statement, so that the change and what it
 * queues are written in one round trip and commit together: a bean implementing it gives an {@code insert … select}
 * that reads the new change-log row as {@code change} (its columns {@code position}, {@code entity_type},
 * {@code entity_id}, {@code operation}, {@code version}, {@code region_code} and {@code classification}) and the
 * change's snapshot as {@code s.j}. It may also be an {@code update … from change} of a row of its own feature. It runs
 * on every write, so it must stay one cheap statement.
 */
public interface ChangeQueue {

    /** The {@code insert … select … from change …} that queues this listener's rows for the new change. */
    String insertFromChange();
}
