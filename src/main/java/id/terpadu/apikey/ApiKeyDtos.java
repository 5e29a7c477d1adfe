package id.terpadu.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.Versioned;
import id.terpadu.common.idempotency.Redactable;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/api-keys}. */
public final class ApiKeyDtos {

    private ApiKeyDtos() {}

    @Schema(name = "ApiKeyInput")
    public record ApiKeyInput(
            @Schema(description = "Client-chosen id (create only)")
            UUID id,

            @NotNull
            @Schema(description = "The agency the key belongs to", example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID agencyId,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Dasbor Kesbangpol Provinsi Sumatera Barat")
            String name,

            @NotNull
            @Size(max = 50)
            @Schema(
                    description =
                            "Region codes the key may see; [] is national (only a national " + "caller may issue that)",
                    example = "[\"13\"]")
            List<@NotBlank @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE) String>
                    regionScope,

            @NotEmpty
            @Size(max = 4)
            @Schema(
                    description = "read, feed:read, export:read, incidents:write",
                    example = "[\"read\", \"feed:read\"]")
            List<@NotBlank String> scopes,

            @NotNull
            @Schema(
                    description = "The highest classification the key reads; not above what you read, and "
                            + "CONFIDENTIAL only for a cleared agency")
            Classification classification,

            @NotNull @Schema(description = "At most a year ahead", example = "2027-06-30T00:00:00Z")
            Instant expiresAt) {}

    @Schema(name = "ApiKey")
    public record ApiKeyResponse(
            UUID id,
            UUID agencyId,
            String name,

            @Schema(description = "The key's first characters, to recognise it", example = "tpd_Xy3kP9aQ")
            String prefix,

            List<String> regionScope,
            List<String> scopes,
            Classification classification,
            Instant expiresAt,
            Instant revokedAt,
            String revokedBy,
            String revocationReason,
            Instant lastUsedAt,

            @Schema(description = "Neither revoked nor expired")
            boolean active,

            long version,
            Instant createdAt,
            Instant updatedAt)
            implements Versioned {

        static ApiKeyResponse from(ApiKey k) {
            return new ApiKeyResponse(
                    k.id,
                    k.agencyId,
                    k.name,
                    k.prefix,
                    k.regionScope,
                    k.scopes,
                    k.classification,
                    k.expiresAt,
                    k.revokedAt,
                    k.revokedBy,
                    k.revocationReason,
                    k.lastUsedAt,
                    k.revokedAt == null && k.expiresAt.isAfter(Instant.now()),
                    k.version,
                    k.createdAt,
                    k.updatedAt);
        }
    }

    @Schema(name = "ApiKeyCreated", description = "The new key and, once only, its secret value")
    public record ApiKeyCreated(
            @Schema(
                    description =
                            "Send as `Authorization: ApiKey <key>` or `X-API-Key: <key>`. Shown only in this answer; "
                                    + "a replay of the request returns the key without it.",
                    example = "tpd_Xy3kP9aQ2mV8sLr0eWc7TnB4uZq1HdFgJk6NoYpEiA")
            String key,

            ApiKeyResponse apiKey)
            implements Redactable, Versioned {

        @Override
        public Object redacted() {
            return new ApiKeyCreated(null, apiKey);
        }

        @Override
        public java.util.UUID id() {
            return apiKey.id();
        }

        @Override
        public long version() {
            return apiKey.version();
        }
    }

    @Schema(name = "ApiKeyRevocationInput")
    public record RevocationInput(
            @Size(max = 1000) @Schema(example = "Skrip dasbor diganti")
            String reason) {}
}
