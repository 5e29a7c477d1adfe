package id.terpadu.common.changelog;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** One row of the change log: who changed what, when, from which client and request, and the state after. */
@Schema(name = "ChangeEntry")
public record ChangeEntry(
        @Schema(description = "Position in the change log; increases with every change", example = "42")
        long position,

        @Schema(example = "agency") String entityType,
        UUID entityId,
        Operation operation,

        @Schema(description = "The record's version after the change (its ETag)", example = "2")
        long version,

        @Schema(description = "Subject of the token that made the change", example = "kesbangpol.babel.sekretariat")
        String actor,

        UUID actorAgencyId,

        @Schema(description = "Client of the token or API key", example = "terpadu-mobile")
        String clientId,

        @Schema(example = "5f0c6a8e-2c1d-4c52-9a51-3f0d2b1f8e11")
        String requestId,

        Instant occurredAt,

        @Schema(
                implementation = java.util.Map.class,
                description = "The record as the API returned it after the change, without its attachment count "
                        + "(each reader's own); for a delete, a tombstone {\"id\": …, \"deleted\": true}")
        JsonNode snapshot) {}
