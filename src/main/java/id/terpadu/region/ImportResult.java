package id.terpadu.region;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did: every line of the file is inserted, updated (its name changed, or a retired code is in force
 * again) or unchanged; a complete list also retires the codes of its provinces that it no longer has.
 */
@Schema(name = "RegionImportResult")
public record ImportResult(
        @Schema(example = "91599") int received,
        @Schema(example = "91561") int inserted,
        @Schema(example = "2") int updated,
        @Schema(example = "36") int unchanged,

        @Schema(
                description = "Codes of the file's provinces that a complete list no longer has, now retired",
                example = "0")
        int retired,

        @Schema(example = "2814") long elapsedMillis) {}
