package id.terpadu.incident;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import id.terpadu.common.security.PersonalData;
import id.terpadu.common.validation.Constraints;

@Schema(name = "Party", description = "A party to the incident. A PERORANGAN name is personal data.")
public record Party(
        @NotNull PartyType type,

        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
        @Schema(example = "Warga Desa Kampung Baru")
        String name,

        @NotNull PartyRole role) {

    /** A person's name (type PERORANGAN) is personal data; other parties are groups and bodies. */
    @JsonIgnore
    public boolean isPerson() {
        return type == PartyType.PERORANGAN;
    }

    /** The party as a caller without access to personal data sees it. */
    public Party masked() {
        return isPerson() ? new Party(type, PersonalData.maskName(name), role) : this;
    }

    public static boolean anyPerson(List<Party> parties) {
        return parties != null && parties.stream().anyMatch(Party::isPerson);
    }

    public static List<Party> masked(List<Party> parties) {
        return anyPerson(parties) ? parties.stream().map(Party::masked).toList() : parties;
    }
}
