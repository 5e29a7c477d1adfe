package id.terpadu.earlywarning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;
import id.terpadu.incident.IncidentDtos.Point;
import id.terpadu.incident.Party;
import id.terpadu.incident.SourceKind;
import id.terpadu.incident.Stage;
import id.terpadu.verification.VerificationDtos.VerificationView;

/** Request and response bodies of {@code /api/v1/early-warnings}. */
public final class WarningDtos {

    private WarningDtos() {}

    @Schema(
            name = "EarlyWarningInput",
            description = "An early warning as a client writes it. `status` starts at "
                    + "TERIDENTIFIKASI and moves along the allowed table; ESKALASI is reached only through /escalate.")
    public record EarlyWarningInput(
            @Schema(description = "Client-chosen id (create only)", example = "4d3c2b1a-0f9e-4d8c-b7a6-958473625140")
            UUID id,

            @NotBlank
            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(description = "Any level down to desa/kelurahan", example = "13.77")
            String regionCode,

            @NotBlank
            @Size(max = 64)
            @Schema(description = "Code of reference kind conflict-categories", example = "POLITIK_PILKADA")
            String categoryCode,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada")
            String title,

            @Size(max = 20000) String description,
            @Size(max = 50) List<@Valid @NotNull Party> parties,
            @Size(max = 50) List<@NotBlank @Size(max = 500) String> indicators,
            @NotNull @Min(1) @Max(5) @Schema(example = "4") Integer likelihood,
            @NotNull @Min(1) @Max(5) @Schema(example = "3") Integer impact,
            UUID sourceAgencyId,
            @NotNull SourceKind sourceKind,
            @NotNull Classification classification,

            @Schema(description = "Not ESKALASI: a warning becomes ESKALASI only through POST …/escalate")
            WarningStatus status,

            @Size(max = 10000) @Schema(example = "Patroli gabungan; dialog tokoh masyarakat kedua kubu")
            String recommendedActions,

            @Valid @Schema(description = "Where the sign was seen, when known (the bounds of an incident's point)")
            Point point,

            @Schema(
                    description = "When the sign was seen: not before 2000 and not in the future (five minutes of "
                            + "clock difference allowed). Absent or null: when the warning was raised (createdAt)",
                    example = "2024-11-20T03:00:00Z")
            Instant observedAt,

            @Schema(
                    description = "The day the warning concerns (e.g. the day of the vote), or the first day of the "
                            + "period it concerns",
                    example = "2024-11-27")
            LocalDate concernsFrom,

            @Schema(
                    description = "The last day of the period the warning concerns; needs concernsFrom, not before it",
                    example = "2024-12-16")
            LocalDate concernsUntil,

            @Schema(
                    description = "When the warning stops being current (CAP `expires`); after observedAt. Absent: it "
                            + "stands until closed",
                    example = "2024-12-17T00:00:00Z")
            Instant expiresAt) {}

    @Schema(name = "EarlyWarning")
    public record EarlyWarningResponse(
            UUID id,
            String regionCode,
            String categoryCode,
            String title,
            String description,
            List<Party> parties,
            List<String> indicators,
            int likelihood,
            int impact,
            @Schema(description = "likelihood × impact") int riskScore,
            RiskLevel riskLevel,
            UUID sourceAgencyId,
            SourceKind sourceKind,
            Classification classification,
            WarningStatus status,
            String recommendedActions,
            UUID escalatedIncidentId,
            VerificationView verification,

            @Schema(
                    description = "Whether the warning is released to the public as a CAP alert of scope Public: "
                            + "PUBLIC and TERVERIFIKASI by someone other than its author (for risk TINGGI, a COORDINATOR "
                            + "or ADMIN of its region or above). The Atom feed lists those neither REDA nor ESKALASI; "
                            + "an unpublished PUBLIC warning is a CAP Draft for those who may read it.")
            boolean published,

            @Schema(description = "Where the sign was seen, when known")
            Point point,

            @Schema(description = "When the sign was seen (createdAt when the reporter gave no time)")
            Instant observedAt,

            @Schema(description = "The day, or the first day of the period, the warning concerns")
            LocalDate concernsFrom,

            @Schema(description = "The last day of the period the warning concerns")
            LocalDate concernsUntil,

            @Schema(description = "When the warning stops being current (CAP `expires`)")
            Instant expiresAt,

            @Schema(
                    description = "Whether expiresAt has passed at the time of this answer: an expired warning is no "
                            + "longer current (its CAP alert keeps its past `expires`, the Atom feed leaves it out) "
                            + "but keeps its status until someone closes it")
            boolean expired,

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
            implements Attachable<EarlyWarningResponse> {

        @Override
        public EarlyWarningResponse withAttachments(int count) {
            return new EarlyWarningResponse(
                    id,
                    regionCode,
                    categoryCode,
                    title,
                    description,
                    parties,
                    indicators,
                    likelihood,
                    impact,
                    riskScore,
                    riskLevel,
                    sourceAgencyId,
                    sourceKind,
                    classification,
                    status,
                    recommendedActions,
                    escalatedIncidentId,
                    verification,
                    published,
                    point,
                    observedAt,
                    concernsFrom,
                    concernsUntil,
                    expiresAt,
                    expired,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }

        /** The warning with the names of persons among its parties masked. */
        public EarlyWarningResponse masked() {
            return !Party.anyPerson(parties)
                    ? this
                    : new EarlyWarningResponse(
                            id,
                            regionCode,
                            categoryCode,
                            title,
                            description,
                            Party.masked(parties),
                            indicators,
                            likelihood,
                            impact,
                            riskScore,
                            riskLevel,
                            sourceAgencyId,
                            sourceKind,
                            classification,
                            status,
                            recommendedActions,
                            escalatedIncidentId,
                            verification,
                            published,
                            point,
                            observedAt,
                            concernsFrom,
                            concernsUntil,
                            expiresAt,
                            expired,
                            version,
                            createdAt,
                            updatedAt,
                            attachments);
        }

        static EarlyWarningResponse from(EarlyWarning w) {
            return new EarlyWarningResponse(
                    w.id,
                    w.regionCode,
                    w.categoryCode,
                    w.title,
                    w.description,
                    w.parties == null ? List.of() : w.parties,
                    w.indicators == null ? List.of() : w.indicators,
                    w.likelihood,
                    w.impact,
                    w.likelihood * w.impact,
                    w.riskLevel,
                    w.sourceAgencyId,
                    w.sourceKind,
                    w.classification,
                    w.status,
                    w.recommendedActions,
                    w.escalatedIncidentId,
                    VerificationView.of(w.verification, w.duplicateOf),
                    Publication.published(w),
                    w.latitude == null ? null : new Point(w.latitude, w.longitude),
                    w.observedAt,
                    w.concernsFrom,
                    w.concernsUntil,
                    w.expiresAt,
                    w.expiresAt != null && !w.expiresAt.isAfter(Instant.now()),
                    w.version,
                    w.createdAt,
                    w.updatedAt,
                    null);
        }
    }

    @Schema(
            name = "EscalationInput",
            description =
                    "The incident the warning grew into. Title, description, category, "
                            + "classification and parties come from the warning unless given; the region must be a kabupaten/kota or finer.")
    public record EscalationInput(
            @Schema(description = "Client-chosen id of the new incident")
            UUID incidentId,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(description = "Defaults to the warning's region", example = "13.77")
            String regionCode,

            @Size(max = 300) String title,

            @NotNull @Schema(example = "2024-11-28T02:00:00Z")
            Instant occurredFrom,

            @NotNull @Min(1) @Max(5) @Schema(example = "4") Integer severity,

            @Schema(description = "Default PENGHENTIAN: an escalated warning is usually violence")
            Stage stage,

            @Size(max = 20000) String description) {}
}
