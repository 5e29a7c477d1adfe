package id.terpadu.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did: every line of the file is inserted, updated (its name changed) or unchanged. */
@Schema(name = "RegionImportResult")
public record ImportResult(@Schema(example = "91599") int received, @Schema(example = "91561") int inserted,
        @Schema(example = "2") int updated, @Schema(example = "36") int unchanged,
        @Schema(example = "2814") long elapsedMillis) {
}
