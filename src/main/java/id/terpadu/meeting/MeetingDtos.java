package id.terpadu.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.terpadu.common.http.Attachable;
import id.terpadu.common.http.Versioned;
import id.terpadu.common.validation.Constraints;

/** Request and response bodies of {@code /api/v1/meetings} and {@code /api/v1/meeting-decisions}. */
public final class MeetingDtos {

    private MeetingDtos() {}

    @Schema(name = "MeetingInput")
    public record MeetingInput(
            @Schema(description = "Client-chosen id (create only)", example = "1f3a5c7e-9b1d-4f3a-8c5e-7a9b1c3d5e7f")
            UUID id,

            @NotNull @Schema(example = "a7e4c1d2-0b3f-4e5a-9c8d-7f6e5d4c3b2a")
            UUID teamId,

            @NotNull MeetingKind kind,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Rakor Tim Terpadu PKS menjelang Pilkada 2024")
            String title,

            @NotNull @Schema(example = "2024-10-28T02:00:00Z")
            Instant startsAt,

            @Schema(example = "2024-10-28T05:00:00Z") Instant endsAt,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Aula Kantor Kesbangpol Provinsi Sumatera Barat, Padang")
            String place,

            @NotBlank
            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(example = "Kepala Badan Kesbangpol Provinsi Sumatera Barat")
            String chair,

            @Size(max = 50) List<@NotBlank @Size(max = 500) String> agenda,
            @Size(max = 300) List<@Valid @NotNull Attendee> attendees,

            @Size(max = 50000)
            @Schema(
                    example =
                            "Bawaslu melaporkan grup WhatsApp ASN Kota Pariaman yang mendukung salah satu pasangan calon.")
            String minutes,

            @Size(max = 100) List<@NotNull UUID> incidentIds,
            @Size(max = 100) List<@NotNull UUID> earlyWarningIds) {}

    @Schema(name = "MeetingDecisionInput")
    public record DecisionInput(
            @Schema(description = "Client-chosen id (create only)")
            UUID id,

            @NotBlank @Size(max = 5000) @Schema(example = "Bawaslu meneruskan temuan grup WhatsApp ASN Kota Pariaman")
            String description,

            @NotNull @Schema(example = "9d2e0f4b-1c7a-4f0e-8a55-6b7c8d9e0f12")
            UUID ownerAgencyId,

            @NotNull @Schema(example = "2024-11-04") LocalDate dueOn) {}

    @Schema(name = "MeetingDecisionFollowUpInput")
    public record FollowUpInput(
            @NotNull DecisionStatus status,

            @Size(max = 5000)
            @Schema(description = "Required when DROPPED", example = "Temuan telah diregistrasi Bawaslu Kota Pariaman")
            String note) {}

    @Schema(
            name = "MeetingDecisionReopeningInput",
            description =
                    "Why a DONE or DROPPED meeting decision is reopened, back to IN_PROGRESS for its follow-up to "
                            + "go on")
    public record DecisionReopeningInput(
            @NotBlank
            @Size(max = 2000)
            @Schema(
                    example = "Ditandai selesai karena salah pilih keputusan; patroli di perbatasan desa masih "
                            + "berjalan")
            String reason) {}

    @Schema(name = "MeetingDecision")
    public record DecisionResponse(
            UUID id,
            UUID meetingId,
            String description,
            UUID ownerAgencyId,
            LocalDate dueOn,
            DecisionStatus status,
            @Schema(description = "Past due and still open") boolean overdue,
            List<FollowUp> followUps,

            @Schema(
                    description = "Why the decision was last reopened after DONE or DROPPED (POST "
                            + "…/follow-ups/reopening); null when it never was. The history holds every reopening")
            String reopeningReason,

            Instant reopenedAt,

            @Schema(description = "The account (subject) that last reopened it")
            String reopenedBy,

            long version,
            Instant createdAt,
            Instant updatedAt)
            implements Versioned {}

    @Schema(name = "Meeting")
    public record MeetingResponse(
            UUID id,
            UUID teamId,

            @Schema(description = "The team's region", example = "13")
            String regionCode,

            MeetingKind kind,
            String title,
            Instant startsAt,
            Instant endsAt,
            String place,
            String chair,
            List<String> agenda,
            List<Attendee> attendees,
            String minutes,

            @Schema(description = "Linked incidents you may see")
            List<UUID> incidentIds,

            @Schema(description = "Linked early warnings you may see")
            List<UUID> earlyWarningIds,

            List<DecisionResponse> decisions,
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
            implements Attachable<MeetingResponse> {

        @Override
        public MeetingResponse withAttachments(int count) {
            return new MeetingResponse(
                    id,
                    teamId,
                    regionCode,
                    kind,
                    title,
                    startsAt,
                    endsAt,
                    place,
                    chair,
                    agenda,
                    attendees,
                    minutes,
                    incidentIds,
                    earlyWarningIds,
                    decisions,
                    version,
                    createdAt,
                    updatedAt,
                    count);
        }
    }
}
