package id.terpadu.common.persistence;

import java.util.UUID;

import id.terpadu.common.changelog.RecordType;

/**
 * Told that a record is about to be removed, inside the removing transaction and before the database's own cascades
 * run, so that a feature whose records hang on it removes them first through {@link Records} (each removal then is
 * in the change log, the feed and webhooks like any other). A listener ignores the types that concern it not.
 */
public interface RemovalListener {

    void removing(RecordType type, UUID id);
}
