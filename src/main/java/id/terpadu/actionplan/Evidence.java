package id.terpadu.actionplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.validation.Constraints;

@Schema(name = "Evidence", description = "A link to the evidence of an activity (minutes, photos, a decree)")
public record Evidence(
        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = Constraints.HTTPS_LINK, message = Constraints.HTTPS_LINK_MESSAGE)
        @Schema(example = "https://kesbangpol.sumbarprov.go.id/dokumen/notulen-rakor-b04-2024.pdf")
        String url,

        @Size(max = 300)
        @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
        @Schema(example = "Notulen rapat koordinasi")
        String description) {}
