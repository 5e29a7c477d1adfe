package id.terpadu.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** The answers of {@code /api/v1/feed/changes}. */
public final class FeedDtos {

    private FeedDtos() {}

    /** Why a tombstone was sent: the record was deleted, or a change took it out of what the reader may see. */
    public enum TombstoneReason {
        DELETED,
        OUT_OF_VIEW
    }

    @Schema(name = "FeedEntry")
    public record Entry(
            @Schema(description = "Resume after this entry with it", example = "WyI3NDIiLCIxMjA0Il0")
            String cursor,

            @Schema(example = "incident") String type,
            UUID id,

            @Schema(description = "CREATE, UPDATE or DELETE; a tombstone is a DELETE", example = "UPDATE")
            String operation,

            @Schema(example = "3") long version,
            Instant occurredAt,
            @Schema(description = "Set on tombstones") TombstoneReason tombstone,

            @Schema(
                    implementation = java.util.Map.class,
                    description = "The record after the change as its own GET returns it (personal data masked, "
                            + "no attachment count); {\"id\", \"deleted\": true} on a tombstone")
            JsonNode snapshot) {}

    @Schema(name = "FeedPage")
    public record FeedPage(
            List<Entry> items,

            @Schema(
                    description = "Always set: pass it as `after` next time, also when this page was empty",
                    example = "WyI3NDIiLCIxMjA0Il0")
            String nextCursor,

            @Schema(description = "Whether more changes are ready now")
            boolean hasMore) {}

    @Schema(name = "FeedCursor")
    public record Latest(
            @Schema(
                    description = "The cursor after the newest delivered change; start here to follow "
                            + "only what changes from now on",
                    example = "WyI3NDIiLCIxMjA0Il0")
            String cursor) {}
}
