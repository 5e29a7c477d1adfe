package id.terpadu.agency;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.terpadu.common.http.Versioned;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/agencies}. */
public final class AgencyDtos {

    private AgencyDtos() {}

    @Schema(
            name = "AgencyInput",
            description = "An agency as a client writes it. On create `id` may be chosen by the "
                    + "client (a UUID made offline); on replace it must be absent or equal to the path id.")
    public record AgencyInput(
            @Schema(description = "Client-chosen id (create only)", example = "3b0b8d4e-4f43-4c4e-8f43-0f7f7c1e9a10")
            UUID id,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Polres Bangka")
            String name,

            @NotNull AgencyType type,

            @Schema(
                    description = "The unit above (e.g. the Polda of a Polres)",
                    example = "6c1f7a0e-55c2-4c8e-9d7b-2a3b4c5d6e7f")
            UUID parentId,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(
                    description = "Kemendagri code of the region the agency serves; empty for a national body",
                    example = "19.01")
            String regionCode,

            @Valid Contact contact) {}

    @Schema(name = "Contact")
    public record Contact(
            @Size(max = 40)
            @Pattern(regexp = "^[+0-9 ()-]*$", message = "{format.phone}")
            @Schema(example = "+62 717 92110")
            String phone,

            @Email @Size(max = 200) @Schema(example = "humas@polresbangka.example")
            String email,

            @Size(max = 500) @Schema(example = "Jl. Ahmad Yani No. 1, Sungailiat")
            String address) {}

    @Schema(name = "Agency")
    public record AgencyResponse(
            UUID id,
            @Schema(example = "Polres Bangka") String name,
            AgencyType type,
            UUID parentId,
            @Schema(example = "19.01") String regionCode,
            Contact contact,

            @Schema(description = "Version; also the ETag", example = "0")
            long version,

            Instant createdAt,
            Instant updatedAt)
            implements Versioned {

        static AgencyResponse from(Agency a) {
            Contact contact = a.phone == null && a.email == null && a.address == null
                    ? null
                    : new Contact(a.phone, a.email, a.address);
            return new AgencyResponse(
                    a.id, a.name, a.type, a.parentId, a.regionCode, contact, a.version, a.createdAt, a.updatedAt);
        }
    }
}
