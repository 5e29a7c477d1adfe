package id.terpadu.verification;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST …/verification} and the verification a record shows. */
public final class VerificationDtos {

    private VerificationDtos() {}

    @Schema(
            name = "VerificationInput",
            description = "A verification of the record: its new state, how it was checked and why. `note` is "
                    + "required for TIDAK_VALID and BUKAN_WEWENANG (say where it was forwarded); `duplicateOf` is "
                    + "required for DUPLIKAT, and only then: the record of the same type it duplicates.")
    public record VerificationInput(
            @NotNull @Schema(example = "TERVERIFIKASI") Verification state,
            @NotNull @Schema(example = "KONFIRMASI_SUMBER") VerificationMethod method,

            @Size(max = 2000)
            @Schema(example = "Dikonfirmasi ulang melalui telepon kepada pelapor dan Babinsa setempat")
            String note,

            @Schema(description = "The record this one duplicates (DUPLIKAT only)")
            UUID duplicateOf) {}

    @Schema(
            name = "VerificationDetails",
            description = "Where the record's verification stands: its state, who verified it, when, how and why. "
                    + "A record that started verified by the rule of its source (reference kind source-kinds, "
                    + "attributes.startsVerified) names its author and no method. Every change is a version in the "
                    + "record's history.")
    public record VerificationView(
            Verification state,
            VerificationMethod method,
            String note,
            @Schema(example = "kesbangpol.pariaman") String verifiedBy,
            Instant verifiedAt,

            @Schema(description = "The record this one duplicates, when DUPLIKAT")
            UUID duplicateOf) {

        public static VerificationView of(Verified v, UUID duplicateOf) {
            Verified shown = v == null ? new Verified() : v;
            return new VerificationView(
                    shown.state,
                    shown.method,
                    shown.note,
                    shown.verifiedBy,
                    shown.verifiedAt,
                    shown.state == Verification.DUPLIKAT ? duplicateOf : null);
        }
    }
}
