package id.terpadu.conflictstatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.http.Versioned;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/conflict-statuses}. */
public final class StatusDtos {

    private StatusDtos() {}

    /** DITETAPKAN (in its first term), DIPERPANJANG (in an extension), DICABUT (revoked), BERAKHIR (expired), or not yet started. */
    public enum State {
        BELUM_BERLAKU,
        DITETAPKAN,
        DIPERPANJANG,
        DICABUT,
        BERAKHIR
    }

    @Schema(name = "ConflictStatusInput")
    public record ConflictStatusInput(
            @Schema(description = "Client-chosen id", example = "2c4e6a8b-0d1f-4a3c-8e5b-7d9f1a3c5e7b")
            UUID id,

            @NotNull Scale scale,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(
                    description = "Empty for NASIONAL, a province for PROVINSI, a kabupaten/kota for KABUPATEN_KOTA",
                    example = "13.77")
            String regionCode,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Wali Kota Pariaman")
            String declaredBy,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Keputusan Wali Kota Pariaman No. 300/45/2024")
            String decreeNumber,

            @NotNull
            @Schema(description = "Date of the consultation with the DPRD (or DPR) leaders", example = "2024-10-13")
            LocalDate consultationDate,

            @NotNull @Schema(example = "2024-10-14") LocalDate startsOn,

            @NotNull
            @Schema(description = "Last day of the term; at most 90 days including the first", example = "2024-12-31")
            LocalDate endsOn) {}

    @Schema(
            name = "ConflictStatusExtensionInput",
            description = "An extension starts the day after the current end "
                    + "and lasts at most 30 days (a recollection of the rule, not confirmed in the text of UU 7/2012).")
    public record ExtensionInput(
            @NotBlank @Size(max = 200) @Schema(example = "Keputusan Wali Kota No. 300/52/2024")
            String decreeNumber,

            @NotBlank @Size(max = 2000) @Schema(example = "Situasi belum pulih")
            String reason,

            @NotNull @Min(1) @Max(30) @Schema(example = "30")
            Integer days) {}

    @Schema(name = "ConflictStatusRevocationInput")
    public record RevocationInput(
            @NotNull @Schema(example = "2024-11-20") LocalDate revokedOn,

            @NotBlank @Size(max = 2000) @Schema(example = "Konflik telah dapat dikendalikan")
            String reason,

            @NotBlank @Size(max = 200) @Schema(example = "Keputusan Wali Kota No. 300/60/2024")
            String decreeNumber) {}

    @Schema(name = "ConflictStatusExtension")
    public record ExtensionResponse(
            UUID id, String decreeNumber, String reason, LocalDate startsOn, LocalDate endsOn, Instant createdAt) {
        static ExtensionResponse from(Extension e) {
            return new ExtensionResponse(e.id, e.decreeNumber, e.reason, e.startsOn, e.endsOn, e.createdAt);
        }
    }

    @Schema(name = "ConflictStatus")
    public record ConflictStatusResponse(
            UUID id,
            Scale scale,
            String regionCode,
            String declaredBy,
            String decreeNumber,
            LocalDate consultationDate,
            LocalDate startsOn,
            LocalDate endsOn,

            @Schema(description = "The end after extensions and revocation")
            LocalDate effectiveEndsOn,

            LocalDate revokedOn,
            String revocationReason,
            String revocationDecree,
            State state,
            boolean active,
            List<ExtensionResponse> extensions,
            long version,
            Instant createdAt,
            Instant updatedAt,

            @Schema(
                    description =
                            "Attachments of this record you may read (uploads under way and refused ones are not counted)",
                    minimum = "0",
                    example = "2")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            Integer attachments)
            implements Attachable<ConflictStatusResponse> {

        @Override
        public ConflictStatusResponse withAttachments(int count) {
            return new ConflictStatusResponse(
                    id,
                    scale,
                    regionCode,
                    declaredBy,
                    decreeNumber,
                    consultationDate,
                    startsOn,
                    endsOn,
                    effectiveEndsOn,
                    revokedOn,
                    revocationReason,
                    revocationDecree,
                    state,
                    active,
                    extensions,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }
    }

    @Schema(name = "TniAssistanceInput")
    public record TniAssistanceInput(
            @Schema(description = "Client-chosen id") UUID id,

            @NotBlank @Size(max = 300) @Schema(example = "Wali Kota Pariaman")
            String requestedBy,

            @NotBlank @Size(max = 5000) @Schema(example = "Bentrokan meluas, Polres membutuhkan dukungan")
            String reason,

            @Size(max = 20) List<@NotBlank @Size(max = 200) String> units,
            @NotEmpty @Size(max = 6) List<@NotNull TniTask> tasks,
            @NotNull @Schema(example = "2024-10-15") LocalDate startsOn,
            @NotNull @Schema(example = "2024-10-29") LocalDate endsOn) {}

    @Schema(
            name = "TniAssistanceEndingInput",
            description = "Ends TNI assistance before its period is over (UU 7/2012 Ps 35: it ends at the latest "
                    + "with the status)")
    public record TniEndingInput(
            @NotNull @Schema(description = "The last day of the assistance, within its period", example = "2024-10-22")
            LocalDate endedOn,

            @NotBlank @Size(max = 2000) @Schema(example = "Situasi terkendali, Polres tidak lagi memerlukan dukungan")
            String reason) {}

    @Schema(name = "TniAssistance")
    public record TniAssistanceResponse(
            UUID id,
            UUID statusId,
            String requestedBy,
            String reason,
            List<String> units,
            List<TniTask> tasks,
            LocalDate startsOn,
            LocalDate endsOn,

            @Schema(description = "The day it was ended early (see …/ending), else null")
            LocalDate endedOn,

            @Schema(description = "Why it was ended early", maxLength = 2000)
            String endReason,

            @Schema(description = "The request ends when it is ended early, or when the status ends or is revoked")
            LocalDate effectiveEndsOn,

            boolean active,
            long version,
            Instant createdAt,
            Instant updatedAt)
            implements Versioned {}
}
