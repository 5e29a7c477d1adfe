package id.terpadu.incident;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.security.Classification;
import id.terpadu.common.validation.Constraints;
import id.terpadu.verification.VerificationDtos.VerificationView;
import id.terpadu.verification.Verified;

/** Request and response bodies of {@code /api/v1/incidents}. */
public final class IncidentDtos {

    private IncidentDtos() {}

    @Schema(
            name = "Point",
            description = "WGS 84 coordinates inside Indonesia's bounding box (lat −11.5…6.5, lon 94.5…141.5)")
    public record Point(
            @NotNull @DecimalMin("-11.5") @DecimalMax("6.5") @Schema(example = "-0.6263")
            Double lat,

            @NotNull @DecimalMin("94.5") @DecimalMax("141.5") @Schema(example = "100.1205")
            Double lon) {}

    @Schema(
            name = "Impact",
            description = "Counts of the incident's impact. A missing or null count means "
                    + "unknown and is never reported as 0.")
    public record Impact(
            @PositiveOrZero @Max(1_000_000) @Schema(example = "0")
            Integer killed,

            @PositiveOrZero @Max(1_000_000) @Schema(example = "3")
            Integer injured,

            @PositiveOrZero @Max(1_000_000) Integer sexualViolence,

            @PositiveOrZero @Max(1_000_000) @Schema(example = "2")
            Integer buildingsDamaged,

            @PositiveOrZero @Max(10_000_000) @Schema(example = "40")
            Integer displaced,

            @Size(max = 4) Set<@NotNull VulnerableGroup> vulnerableGroups) {}

    @Schema(
            name = "IncidentInput",
            description = "An incident as a client writes it. `stage` sets the first stage "
                    + "on create (default PENCEGAHAN); afterwards the stage moves only through stage-transitions.")
    public record IncidentInput(
            @Schema(description = "Client-chosen id (create only)", example = "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f")
            UUID id,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Bentrokan antarwarga terkait sengketa lahan sawit")
            String title,

            @Size(max = 20000) @Schema(example = "Dua kelompok warga bentrok di perbatasan desa; tiga orang luka.")
            String description,

            @NotBlank
            @Size(max = 64)
            @Schema(description = "Code of reference kind conflict-categories", example = "SENGKETA_LAHAN")
            String categoryCode,

            @NotBlank
            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(description = "Kabupaten/kota or finer", example = "13.77")
            String regionCode,

            @Valid Point point,

            @Size(max = 500) @Schema(example = "Simpang Kampung Baru, Pariaman Utara")
            String locationText,

            @Min(1)
            @Max(3)
            @Schema(description = "1 exact, 2 near, 3 region only (reference kind geo-precisions)", example = "1")
            Integer geoPrecision,

            @Min(1)
            @Max(3)
            @Schema(description = "1 day, 2 week, 3 month (reference kind time-precisions)", example = "1")
            Integer timePrecision,

            @NotNull
            @Schema(
                    description = "When it began: not before 2000, not in the future (a clock up to 5 minutes ahead "
                            + "counts as now)",
                    example = "2024-10-12T09:30:00Z")
            Instant occurredFrom,

            @Schema(example = "2024-10-12T11:00:00Z") Instant occurredTo,
            @NotNull SourceKind sourceKind,

            @Size(max = 500) @Schema(example = "Laporan Polres Pariaman LP/B/123/X/2024")
            String sourceReference,

            @NotNull @Min(1) @Max(5) @Schema(example = "3") Integer severity,
            @NotNull Classification classification,
            @Size(max = 50) List<@Valid @NotNull Party> parties,
            @Valid Impact impact,

            @Schema(example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID leadAgencyId,

            @Schema(description = "The incident this report duplicates (both are kept)")
            UUID duplicateOf,

            @Schema(
                    description = "The stage it is in (default PENCEGAHAN); not SELESAI: an incident is closed through "
                            + "POST …/stage-transitions")
            Stage stage,

            @Schema(description = "The conflict status in force where the incident happened")
            UUID conflictStatusId) {}

    @Schema(name = "Incident")
    public record IncidentResponse(
            UUID id,
            String title,
            String description,
            String categoryCode,
            String regionCode,
            Point point,
            String locationText,
            Integer geoPrecision,
            Integer timePrecision,
            Instant occurredFrom,
            Instant occurredTo,
            SourceKind sourceKind,
            String sourceReference,
            int severity,
            Classification classification,
            Stage stage,
            List<Party> parties,
            Impact impact,
            UUID leadAgencyId,
            UUID duplicateOf,
            UUID conflictStatusId,
            String closingSummary,

            @Schema(
                    description = "Why the incident was last opened again after SELESAI (POST …/stage-transitions/"
                            + "reopening); null when it never was. The stage history holds every reopening")
            String reopeningReason,

            VerificationView verification,

            @Schema(description = "Version; also the ETag", example = "0")
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
            implements Attachable<IncidentResponse> {

        @Override
        public IncidentResponse withAttachments(int count) {
            return new IncidentResponse(
                    id,
                    title,
                    description,
                    categoryCode,
                    regionCode,
                    point,
                    locationText,
                    geoPrecision,
                    timePrecision,
                    occurredFrom,
                    occurredTo,
                    sourceKind,
                    sourceReference,
                    severity,
                    classification,
                    stage,
                    parties,
                    impact,
                    leadAgencyId,
                    duplicateOf,
                    conflictStatusId,
                    closingSummary,
                    reopeningReason,
                    verification,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }

        /** The incident with the names of persons among its parties masked. */
        public IncidentResponse masked() {
            return !Party.anyPerson(parties)
                    ? this
                    : new IncidentResponse(
                            id,
                            title,
                            description,
                            categoryCode,
                            regionCode,
                            point,
                            locationText,
                            geoPrecision,
                            timePrecision,
                            occurredFrom,
                            occurredTo,
                            sourceKind,
                            sourceReference,
                            severity,
                            classification,
                            stage,
                            Party.masked(parties),
                            impact,
                            leadAgencyId,
                            duplicateOf,
                            conflictStatusId,
                            closingSummary,
                            reopeningReason,
                            verification,
                            version,
                            createdAt,
                            updatedAt,
                            attachments);
        }

        /** The paths {@link #of(Object[])} reads, for queries that select the view instead of the entity. */
        static final String SELECT = "e.id, e.title, e.description, e.categoryCode, e.regionCode, e.latitude, "
                + "e.longitude, e.locationText, e.geoPrecision, e.timePrecision, e.occurredFrom, e.occurredTo, "
                + "e.sourceKind, e.sourceReference, e.severity, e.classification, e.stage, e.parties, e.killed, "
                + "e.injured, e.sexualViolence, e.buildingsDamaged, e.displaced, e.vulnerableGroups, e.leadAgencyId, "
                + "e.duplicateOf, e.conflictStatusId, e.closingSummary, e.reopeningReason, e.verification, e.version, e.createdAt, e.updatedAt";

        static IncidentResponse from(Incident i) {
            return of(
                    i.id,
                    i.title,
                    i.description,
                    i.categoryCode,
                    i.regionCode,
                    i.latitude,
                    i.longitude,
                    i.locationText,
                    i.geoPrecision,
                    i.timePrecision,
                    i.occurredFrom,
                    i.occurredTo,
                    i.sourceKind,
                    i.sourceReference,
                    i.severity,
                    i.classification,
                    i.stage,
                    i.parties,
                    i.killed,
                    i.injured,
                    i.sexualViolence,
                    i.buildingsDamaged,
                    i.displaced,
                    i.vulnerableGroups,
                    i.leadAgencyId,
                    i.duplicateOf,
                    i.conflictStatusId,
                    i.closingSummary,
                    i.reopeningReason,
                    i.verification,
                    i.version,
                    i.createdAt,
                    i.updatedAt);
        }

        /** The view from the values of {@link #SELECT}, in its order: the same view as {@link #from(Incident)}. */
        @SuppressWarnings("unchecked")
        static IncidentResponse of(Object[] r) {
            return of(
                    (UUID) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (Double) r[5],
                    (Double) r[6],
                    (String) r[7],
                    (Short) r[8],
                    (Short) r[9],
                    (Instant) r[10],
                    (Instant) r[11],
                    (SourceKind) r[12],
                    (String) r[13],
                    (Short) r[14],
                    (Classification) r[15],
                    (Stage) r[16],
                    (List<Party>) r[17],
                    (Integer) r[18],
                    (Integer) r[19],
                    (Integer) r[20],
                    (Integer) r[21],
                    (Integer) r[22],
                    (List<VulnerableGroup>) r[23],
                    (UUID) r[24],
                    (UUID) r[25],
                    (UUID) r[26],
                    (String) r[27],
                    (String) r[28],
                    (Verified) r[29],
                    (Long) r[30],
                    (Instant) r[31],
                    (Instant) r[32]);
        }

        private static IncidentResponse of(
                UUID id,
                String title,
                String description,
                String categoryCode,
                String regionCode,
                Double latitude,
                Double longitude,
                String locationText,
                Short geoPrecision,
                Short timePrecision,
                Instant occurredFrom,
                Instant occurredTo,
                SourceKind sourceKind,
                String sourceReference,
                short severity,
                Classification classification,
                Stage stage,
                List<Party> parties,
                Integer killed,
                Integer injured,
                Integer sexualViolence,
                Integer buildingsDamaged,
                Integer displaced,
                List<VulnerableGroup> vulnerableGroups,
                UUID leadAgencyId,
                UUID duplicateOf,
                UUID conflictStatusId,
                String closingSummary,
                String reopeningReason,
                Verified verification,
                long version,
                Instant createdAt,
                Instant updatedAt) {
            return new IncidentResponse(
                    id,
                    title,
                    description,
                    categoryCode,
                    regionCode,
                    latitude == null ? null : new Point(latitude, longitude),
                    locationText,
                    geoPrecision == null ? null : geoPrecision.intValue(),
                    timePrecision == null ? null : timePrecision.intValue(),
                    occurredFrom,
                    occurredTo,
                    sourceKind,
                    sourceReference,
                    severity,
                    classification,
                    stage,
                    parties == null ? List.of() : parties,
                    new Impact(
                            killed,
                            injured,
                            sexualViolence,
                            buildingsDamaged,
                            displaced,
                            vulnerableGroups == null ? Set.of() : Set.copyOf(vulnerableGroups)),
                    leadAgencyId,
                    duplicateOf,
                    conflictStatusId,
                    closingSummary,
                    reopeningReason,
                    VerificationView.of(verification, duplicateOf),
                    version,
                    createdAt,
                    updatedAt,
                    null);
        }
    }

    @Schema(
            name = "IncidentLinks",
            description =
                    "What an incident is linked to: the early warnings it grew out of, "
                            + "the report it duplicates, the reports marked as its duplicates (all visible to you), and its conflict status")
    public record Links(List<UUID> earlyWarnings, UUID duplicateOf, List<UUID> duplicates, UUID conflictStatusId) {}

    @Schema(name = "StageTransitionInput")
    public record StageTransitionInput(
            @NotNull @Schema(example = "PENGHENTIAN") Stage to,

            @NotBlank
            @Size(max = 2000)
            @Schema(example = "Bentrokan fisik pecah; Polres Pariaman menghentikan kekerasan")
            String reason,

            @Size(max = 20000) @Schema(description = "Required when closing (to SELESAI)")
            String closingSummary,

            @Schema(
                    description =
                            "When the move happened, for one recorded late (the coordinator learnt of it from an officer who was offline); default: "
                                    + "now. Not in the future (a clock up to 5 minutes ahead counts as now), not "
                                    + "before the incident's last move, and not before an activity already recorded "
                                    + "in the stage it leaves: activities are judged by the stage at their time",
                    example = "2024-10-12T10:15:00Z")
            Instant transitionedAt) {}

    @Schema(
            name = "ReopeningInput",
            description =
                    "Why a closed (SELESAI) incident is opened again, and in which stage (by default the stage it "
                            + "was closed from)")
    public record ReopeningInput(
            @Schema(description = "PENCEGAHAN, PENGHENTIAN or PEMULIHAN; default: the stage before SELESAI")
            Stage to,

            @NotBlank
            @Size(max = 2000)
            @Schema(example = "Bentrokan kembali pecah setelah kesepakatan damai; penanganan dibuka kembali")
            String reason) {}

    @Schema(name = "StageTransition")
    public record StageTransitionResponse(
            UUID id,
            Stage from,
            Stage to,
            String reason,

            @Schema(description = "When the move took effect")
            Instant transitionedAt,

            @Schema(description = "When it was recorded: later than transitionedAt for a move recorded late")
            Instant recordedAt,

            @Schema(example = "kesbangpol.pariaman") String actor) {

        static StageTransitionResponse from(StageTransition t) {
            return new StageTransitionResponse(
                    t.id, t.fromStage, t.toStage, t.reason, t.transitionedAt, t.recordedAt, t.actor);
        }
    }

    @Schema(name = "ActivityInput")
    public record ActivityInput(
            @Schema(description = "Client-chosen id", example = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910")
            UUID id,

            @NotBlank
            @Size(max = 64)
            @Schema(
                    description =
                            "Code of reference kind activity-types belonging to the incident's stage at occurredAt",
                    example = "TD_PENYELAMATAN_EVAKUASI")
            String activityType,

            @NotNull UUID agencyId,

            @NotNull @Schema(example = "2024-10-12T12:00:00Z")
            Instant occurredAt,

            @NotBlank @Size(max = 5000) @Schema(example = "Evakuasi 40 warga ke balai desa")
            String description,

            @Size(max = 5000) @Schema(example = "Seluruh warga terdampak aman")
            String outcome) {}

    @Schema(name = "Activity")
    public record ActivityResponse(
            UUID id,
            UUID incidentId,
            String activityType,
            Stage stage,
            UUID agencyId,
            Instant occurredAt,
            String description,
            String outcome,
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
            implements Attachable<ActivityResponse> {

        @Override
        public ActivityResponse withAttachments(int count) {
            return new ActivityResponse(
                    id,
                    incidentId,
                    activityType,
                    stage,
                    agencyId,
                    occurredAt,
                    description,
                    outcome,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }

        static ActivityResponse from(Activity a) {
            return new ActivityResponse(
                    a.id,
                    a.incidentId,
                    a.activityType,
                    a.stage,
                    a.agencyId,
                    a.occurredAt,
                    a.description,
                    a.outcome,
                    a.version,
                    a.createdAt,
                    a.updatedAt,
                    null);
        }
    }
}
