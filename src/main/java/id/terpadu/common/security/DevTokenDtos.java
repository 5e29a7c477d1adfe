package id.terpadu.common.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.validation.Constraints;

public final class DevTokenDtos {

    private DevTokenDtos() {}

    @Schema(name = "DevTokenRequest", description = "Who the development token speaks for.")
    public record DevTokenRequest(
            @NotBlank
            @Size(max = 100)
            @Pattern(regexp = "^[A-Za-z0-9._@-]+$", message = "{format.subject}")
            @Schema(example = "kesbangpol.babel.sekretariat")
            String subject,

            @Size(max = 200) @Schema(example = "Sekretariat Timdu PKS Babel")
            String name,

            @Schema(description = "The caller's agency", example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID agencyId,

            @NotEmpty @Size(max = 5) List<@NotNull Role> roles,

            @Size(max = 50)
            @Schema(description = "Region codes the caller may see and change; empty = national", example = "[\"19\"]")
            List<@NotNull @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE) String>
                    regionScope,

            @Min(1)
            @Max(1440)
            @Schema(description = "Lifetime in minutes, default 480 (8 hours), at most 1440", example = "480")
            Integer ttlMinutes) {}

    @Schema(name = "DevTokenResponse")
    public record DevTokenResponse(
            @Schema(
                    description =
                            "Paste into Swagger UI's Authorize dialog, or send as `Authorization: Bearer <token>`")
            String accessToken,

            @Schema(example = "Bearer") String tokenType,
            Instant expiresAt,

            @Schema(example = "kesbangpol.babel.sekretariat")
            String subject,

            Set<String> roles,
            @Schema(example = "[\"19\"]") List<String> regionScope) {}
}
