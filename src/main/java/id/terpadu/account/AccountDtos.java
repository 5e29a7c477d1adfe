package id.terpadu.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.Versioned;
import id.terpadu.common.security.Role;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/accounts} and {@code /api/v1/me}. */
public final class AccountDtos {

    private AccountDtos() {}

    @Schema(
            name = "AccountInput",
            description = "An account as an administrator writes it. On create `id` may be chosen by the client; on "
                    + "replace it must be absent or equal to the path id.")
    public record AccountInput(
            @Schema(description = "Client-chosen id (create only)", example = "5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b")
            UUID id,

            @NotBlank
            @Size(max = 500)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(
                    description = "The issuer (`iss`) of the person's tokens: one of the allowed issuers",
                    format = "uri",
                    example = "https://terpadu.local/dev")
            String issuer,

            @NotBlank
            @Size(max = 255)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(
                    description = "The subject (`sub`) of the person's tokens at that issuer; a refused login names it",
                    example = "operator.kesbangpol.sumbar")
            String subject,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Rahmat Hidayat")
            String name,

            @Schema(
                    description = "The person's agency; the account lies in its region. Absent: a national account",
                    example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID agencyId,

            @NotEmpty
            @Size(max = 4)
            @Schema(
                    description = "ADMIN, COORDINATOR, OFFICER, ANALYST; never beyond your own (a COORDINATOR grants "
                            + "no ADMIN)",
                    example = "[\"OFFICER\"]")
            List<@NotNull Role> roles,

            @NotNull
            @Size(max = 50)
            @Schema(
                    description = "Region codes the person may see and change, within yours; [] is national (only a "
                            + "national caller grants that)",
                    example = "[\"13\"]")
            List<@NotBlank @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE) String>
                    regionScope,

            @Email
            @Size(max = 200)
            @Schema(description = "Personal data", format = "email", example = "rahmat.hidayat@sumbarprov.example")
            String email,

            @Size(max = 40)
            @Pattern(regexp = "^[+0-9 ()-]*$", message = "{format.phone}")
            @Schema(description = "Personal data", example = "+62 812 6600 1234")
            String phone,

            @Pattern(regexp = "^(id|en)$", message = "{account.language.format}")
            @Schema(
                    description = "Preferred language of messages: id (default) or en",
                    example = "id",
                    enumeration = {"id", "en"})
            String language) {}

    @Schema(name = "AccountDeactivationInput")
    public record DeactivationInput(
            @Size(max = 1000) @Schema(example = "Pindah tugas ke Kabupaten Agam")
            String reason) {}

    @Schema(name = "Account")
    public record AccountResponse(
            UUID id,
            @Schema(example = "https://terpadu.local/dev") String issuer,
            @Schema(example = "operator.kesbangpol.sumbar") String subject,
            @Schema(example = "Rahmat Hidayat") String name,
            UUID agencyId,

            @Schema(description = "The agency's region; null for a national account", example = "13")
            String regionCode,

            List<Role> roles,
            List<String> regionScope,

            @Schema(description = "Personal data: masked unless you may read it")
            String email,

            @Schema(description = "Personal data: masked unless you may read it")
            String phone,

            @Schema(example = "id") String language,
            boolean active,
            Instant deactivatedAt,
            String deactivatedBy,
            String deactivationReason,

            @Schema(description = "Whether email and phone are shown unmasked to you")
            boolean personalDataVisible,

            @Schema(description = "Version; also the ETag", example = "0")
            long version,

            Instant createdAt,
            Instant updatedAt)
            implements Versioned {}

    @Schema(
            name = "Me",
            description = "Who you are to the service and what you may do: from your account, from your token's "
                    + "claims, or from your API key")
    public record MeResponse(
            @Schema(description = "account, token or api-key", example = "account")
            String source,

            @Schema(example = "https://terpadu.local/dev") String issuer,
            @Schema(example = "operator.kesbangpol.sumbar") String subject,
            @Schema(example = "Rahmat Hidayat") String name,
            UUID agencyId,
            List<String> roles,

            @Schema(description = "Region codes you may see and change; [] is national", example = "[\"13\"]")
            List<String> regionScope,

            @Schema(description = "The highest classification you read", example = "RESTRICTED")
            String clearance,

            @Schema(description = "Whether you may read personal data (names, contacts) of records you handle")
            boolean personalData,

            @Schema(description = "Your account, when you have one")
            AccountResponse account) {}
}
