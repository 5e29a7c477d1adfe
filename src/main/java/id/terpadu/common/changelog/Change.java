package id.terpadu.common.changelog;

import java.util.UUID;

import id.terpadu.common.security.Classification;

/**
 * A change just written to the change log, published to the listeners ({@code @Observes Change}) inside the writing
 * transaction: what a listener queues commits or rolls back with the change.
 */
public record Change(long position, RecordType type, UUID entityId, Operation operation, long version,
        String regionCode, Classification classification) {
}
