package id.terpadu.neutrality;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person removed from a case as added by mistake: which one, why, who and when. No name or NIP: the case's earlier
 * versions in its history show the person, masked.
 */
@Schema(name = "NeutralityPersonRemoval")
public record PersonRemoval(
        @Schema(example = "2b4d6f8a-0c2e-4b6d-8f0a-2c4e6b8d0f2a")
        UUID personId,

        @Schema(example = "Tercatat dua kali: nama yang sama sudah ada pada kasus ini")
        String reason,

        Instant removedAt,

        @Schema(description = "The account (subject) that removed the person")
        String removedBy) {}
