package id.terpadu.neutrality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.validation.Constraints;

@Schema(name = "NeutralityEvidence")
public record Evidence(
        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
        @Schema(example = "Tangkapan layar percakapan grup WhatsApp")
        String description,

        @Size(max = 2000)
        @Pattern(regexp = Constraints.HTTPS_LINK, message = Constraints.HTTPS_LINK_MESSAGE)
        @Schema(example = "https://bawaslu-pariaman.example/berkas/temuan-017")
        String url) {}
