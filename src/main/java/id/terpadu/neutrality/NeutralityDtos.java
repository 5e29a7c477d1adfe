package id.terpadu.neutrality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
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
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/neutrality-cases}. */
public final class NeutralityDtos {

    private NeutralityDtos() {}

    @Schema(
            name = "NeutralityPersonInput",
            description = "A civil servant in the case. `name` and `nip` are personal "
                    + "data: masked for callers who may not read them and never kept in the change log.")
    public record PersonInput(
            @Schema(description = "Client-chosen id (create only)")
            UUID id,

            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Budi Santoso")
            String name,

            @Pattern(regexp = "^[0-9]{18}$", message = "{format.nip}")
            @Size(max = 18)
            @Schema(example = "198703122010011004")
            String nip,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Pemerintah Kota Pariaman")
            String employer,

            @NotNull PositionCategory positionCategory,

            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(example = "Staf Dinas Pendidikan")
            String positionTitle) {}

    @Schema(
            name = "NeutralityCaseInput",
            description = "A case as the election supervisor records it. On create, "
                    + "`persons` lists the civil servants (at least one); on replace it must be absent: add persons with "
                    + "POST …/persons and move them with POST …/transitions.")
    public record CaseInput(
            @Schema(description = "Client-chosen id (create only)", example = "4e6a8c0e-2b4d-4f6a-9c8e-0a2b4c6d8e0f")
            UUID id,

            @NotNull ElectionType electionType,

            @NotNull @Min(2004) @Max(2100) @Schema(example = "2024")
            Integer electionYear,

            @NotBlank
            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(description = "The region of the election where it happened", example = "13.77")
            String regionCode,

            @NotNull CaseSource source,

            @Size(max = 100)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(example = "017/Reg/TM/PB/Kota/03.07/XI/2024")
            String registerNumber,

            @NotNull @Schema(example = "2024-10-21") LocalDate receivedOn,

            @NotBlank
            @Size(max = 10000)
            @Schema(example = "Grup WhatsApp ASN Kota Pariaman mengajak mendukung salah satu pasangan calon")
            String summary,

            @NotEmpty @Size(max = 11) List<@NotBlank @Size(max = 64) String> violationForms,
            @Size(max = 50) List<@Valid @NotNull Evidence> evidence,

            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(description = "Personal data; only for a LAPORAN", example = "Pelapor")
            String reporterName,

            @NotNull
            @Schema(
                    description = "The election supervisor (Bawaslu office) handling the case",
                    example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID handlingAgencyId,

            @Size(max = 500) List<@Valid @NotNull PersonInput> persons) {}

    @Schema(name = "NeutralityPersonsInput")
    public record PersonsInput(@NotEmpty @Size(max = 500) List<@Valid @NotNull PersonInput> persons) {}

    @Schema(
            name = "NeutralityTransitionInput",
            description = "Moves the listed persons of the case to the same "
                    + "status in one step. `recipient` is required for REKOMENDASI and must be the body the law names on "
                    + "`decidedOn` (KASN until 2024-08-31, BKN from 2024-09-01; POLRI, GAKKUMDU or PPK at any time); "
                    + "`sanction` is required for SANKSI_DIJATUHKAN.")
    public record TransitionInput(
            @NotEmpty @Size(max = 500) List<@NotNull UUID> personIds,
            @NotNull NeutralityStatus to,
            Recipient recipient,
            SanctionCategory sanction,
            @NotNull @Schema(example = "2024-11-04") LocalDate decidedOn,

            @Size(max = 5000) @Schema(example = "Diteruskan ke Polres Pariaman melalui Sentra Gakkumdu")
            String note) {}

    @Schema(
            name = "NeutralityPersonRemovalInput",
            description = "Why a person added to the case by mistake is removed. Say why, not who: every reader of the "
                    + "case reads the reason, which is kept unmasked")
    public record RemovalInput(
            @NotBlank @Size(max = 2000) @Schema(example = "Tercatat dua kali: nama yang sama sudah ada pada kasus ini")
            String reason) {}

    @Schema(
            name = "NeutralitySanctionReopeningInput",
            description = "Which person's imposed sanction (SANKSI_DIJATUHKAN) is reopened, back to REKOMENDASI, and "
                    + "why")
    public record SanctionReopeningInput(
            @NotNull @Schema(example = "6a8c0e2b-4d6f-4a8c-9e0b-2d4f6a8c0e2b")
            UUID personId,

            @NotBlank @Size(max = 2000) @Schema(example = "Keputusan PPK dibatalkan oleh putusan banding administratif")
            String reason) {}

    @Schema(name = "NeutralityPerson")
    public record PersonResponse(
            UUID id,

            @Schema(
                    description = "Masked (e.g. \"B*** S***\") unless you may read personal data",
                    example = "B*** S***")
            String name,

            @Schema(example = "******************") String nip,
            String employer,
            PositionCategory positionCategory,
            String positionTitle,
            NeutralityStatus status,
            Recipient recipient,
            LocalDate recommendedOn,
            SanctionCategory sanction,
            LocalDate decidedOn,
            String note,

            @Schema(
                    description = "Why an imposed sanction was last reopened (POST …/transitions/reopening); null "
                            + "when it never was. The history holds every reopening")
            String reopeningReason,

            Instant reopenedAt,

            @Schema(description = "The account (subject) that last reopened it")
            String reopenedBy) {}

    @Schema(name = "NeutralityCase")
    public record CaseResponse(
            UUID id,
            ElectionType electionType,
            int electionYear,
            String regionCode,
            CaseSource source,
            String registerNumber,
            LocalDate receivedOn,
            String summary,
            List<String> violationForms,
            List<Evidence> evidence,
            String reporterName,
            UUID handlingAgencyId,

            @Schema(description = "Whether names are shown unmasked to you")
            boolean personalDataVisible,

            @Schema(description = "How many persons are in each status", example = "{\"REKOMENDASI\": 15}")
            Map<NeutralityStatus, Integer> statusCounts,

            List<PersonResponse> persons,

            @Schema(
                    description =
                            "Persons removed as added by mistake (DELETE …/persons/{personId}), with why, who and "
                                    + "when; oldest first")
            List<PersonRemoval> removedPersons,

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
            implements Attachable<CaseResponse> {

        @Override
        public CaseResponse withAttachments(int count) {
            return new CaseResponse(
                    id,
                    electionType,
                    electionYear,
                    regionCode,
                    source,
                    registerNumber,
                    receivedOn,
                    summary,
                    violationForms,
                    evidence,
                    reporterName,
                    handlingAgencyId,
                    personalDataVisible,
                    statusCounts,
                    persons,
                    removedPersons,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }
    }

    @Schema(name = "NeutralityStatisticsRow")
    public record StatisticsRow(
            @Schema(
                    description =
                            "The group: a value per groupBy name; null for the persons that have none (no recipient "
                                    + "before a REKOMENDASI, no sanction before SANKSI_DIJATUHKAN)",
                    example = "{\"election\": \"PILKADA 2024\", \"recipient\": \"POLRI\"}")
            Map<String, String> key,

            @Schema(example = "1") long cases,

            @Schema(description = "Civil servants", example = "10")
            long persons,

            @Schema(
                    description =
                            "Civil servants found in violation (REKOMENDASI, SANKSI_DIJATUHKAN, TIDAK_DITINDAKLANJUTI)",
                    example = "10")
            long violations) {}

    @Schema(name = "NeutralityStatistics")
    public record StatisticsResult(
            List<String> groupBy,
            List<StatisticsRow> rows,

            @Schema(description = "More than 10,000 groups: narrow the filters")
            boolean truncated) {}
}
