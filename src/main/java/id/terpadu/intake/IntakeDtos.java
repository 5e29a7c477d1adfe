package id.terpadu.intake;

import java.time.Instant;
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

import id.terpadu.common.http.Versioned;
import id.terpadu.common.idempotency.Redactable;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.validation.Constraints;
import id.terpadu.incident.IncidentDtos.Point;
import id.terpadu.incident.Stage;

/** Request and response bodies of {@code /api/v1/public} and {@code /api/v1/intake}. */
public final class IntakeDtos {

    private IntakeDtos() {}

    @Schema(
            name = "AltchaChallenge",
            description =
                    "An ALTCHA proof-of-work challenge (SHA-256): find the number n from 0 to maxnumber for which "
                            + "the lower-case hex SHA-256 of salt followed by n (in decimal) equals challenge, then send "
                            + "Base64(JSON {algorithm, challenge, number, salt, signature}) as the report's altcha. The ALTCHA "
                            + "widget does this by itself. It expires (the salt says when) and is accepted once.")
    public record ChallengeResponse(
            @Schema(example = "SHA-256") String algorithm,

            @Schema(example = "2e1c6b1b3a9b3c2f8f4f8d1a0d2b5e7c9a1f3e5d7c9b1a3f5e7d9c1b3a5f7e9d")
            String challenge,

            @Schema(example = "100000") long maxnumber,

            @Schema(example = "6f1e2d3c4b5a69788796a5b4?expires=1733460000")
            String salt,

            @Schema(example = "9b8a7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9")
            String signature) {}

    @Schema(
            name = "PublicReportInput",
            description = "A report from the public. Leave out the contact to report anonymously; a contact (name, "
                    + "phone) is personal data, seen only by the team that triages the report. `website` must stay "
                    + "empty (it is there for robots).")
    public record PublicReportInput(
            @NotBlank
            @Size(max = 5000)
            @Schema(
                    description = "What happened",
                    example = "Dua kelompok pemuda saling lempar batu di simpang Kampung Baru setelah pertandingan "
                            + "sepak bola antarkampung; beberapa orang luka.")
            String description,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(
                    description = "Where: the Kemendagri code of the kabupaten/kota or finer (a province when "
                            + "not known better). May be left out when `point` is given: the report then waits in "
                            + "the queue of reports without a region until a triager forwards it.",
                    example = "13.77")
            String regionCode,

            @Valid @Schema(description = "Where, as a point within Indonesia; required when regionCode is left out")
            Point point,

            @Size(max = 500)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(example = "Simpang Kampung Baru, Pariaman Utara")
            String locationText,

            @NotNull @Schema(description = "When it happened", example = "2024-10-12T09:30:00Z")
            Instant occurredAt,

            @Size(max = 64)
            @Pattern(regexp = "^[A-Z0-9_]*$")
            @Schema(
                    description = "The reporter's guess: a code of reference kind conflict-categories",
                    example = "SENGKETA_LAHAN")
            String categoryCode,

            @Size(max = 200)
            @Pattern(regexp = Constraints.ONE_LINE, message = Constraints.ONE_LINE_MESSAGE)
            @Schema(description = "The reporter's name (personal data); leave out to stay anonymous", example = "Rina")
            String contactName,

            @Size(max = 30)
            @Pattern(regexp = "^[+0-9 ()-]*$", message = "{format.phone}")
            @Schema(
                    description = "The reporter's phone (personal data), for the team to call back",
                    example = "0812 3456 7890")
            String contactPhone,

            @NotBlank
            @Schema(
                    description = "The solved proof-of-work challenge of GET /api/v1/public/challenge: Base64 of the "
                            + "JSON {algorithm, challenge, number, salt, signature}, as the ALTCHA widget sends it. "
                            + "Anything else (a wrong number, another server's or an expired challenge, a solution "
                            + "used before) is refused naming this field.",
                    example = "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIiwibnVtYmVyIjoxMjM0LCJzYWx0Ijoi"
                            + "Li4uIiwic2lnbmF0dXJlIjoiLi4uIn0=")
            String altcha,

            @Size(max = 500) @Schema(description = "Leave empty")
            String website) {}

    @Schema(
            name = "PublicReportStatus",
            description = "What the reporter may know of a report: its public status and, when rejected, the reason.")
    public record PublicReportStatus(
            @Schema(example = "K7QM-4XPD-R2") String trackingCode,
            PublicStatus status,

            @Schema(description = "Why it was rejected (DITOLAK only)")
            String reason,

            @Schema(example = "2024-10-12T10:02:00Z") Instant receivedAt,

            @Schema(description = "When the public status last changed", example = "2024-10-12T10:02:00Z")
            Instant updatedAt,

            @Schema(description = "How many photos sent with the report arrived", minimum = "0", maximum = "1000")
            int photos,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description =
                            "Shown once, in the answer to the report (never again, not in a replay): the key "
                                    + "that sends photos to this report, in the header Report-Key of POST "
                                    + "/api/v1/public/reports/{trackingCode}/photos or of the tus upload /api/v1/public/uploads",
                    maxLength = 43,
                    example = "q8Vb1mXr0cYk2HnZ7tW4sLpE9aJdF3uGi5oQx6yRvKe")
            String uploadKey,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Until when uploadKey sends photos", example = "2024-10-12T11:02:00Z")
            Instant uploadKeyExpiresAt,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "How many photos uploadKey may send", minimum = "0", maximum = "50", example = "5")
            Integer maxPhotos,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description = "How many bytes all photos together may have",
                    minimum = "0",
                    maximum = "9223372036854775807",
                    example = "20971520")
            Long maxPhotoBytes)
            implements Redactable {

        @Override
        public Object redacted() {
            return new PublicReportStatus(
                    trackingCode, status, reason, receivedAt, updatedAt, photos, null, null, null, null);
        }
    }

    @Schema(
            name = "RegionHint",
            description = "A kabupaten/kota where incidents were recorded near a report's point: a hint for the "
                    + "triager, never where the report goes")
    public record RegionHint(
            @Schema(example = "13.77") String regionCode,
            @Schema(example = "Kota Pariaman") String name,

            @Schema(description = "Incidents you may read within the radius", minimum = "1", maximum = "2147483647")
            int incidents,

            @Schema(description = "The nearest one's distance from the point, km", minimum = "0", maximum = "100")
            double nearestKm) {}

    @Schema(
            name = "IntakeReport",
            description = "A community report in a team's triage queue. The contact is masked unless you may read "
                    + "personal data (personalDataVisible); every unmasked answer is in the access log.")
    public record IntakeReportResponse(
            UUID id,
            @Schema(example = "K7QM-4XPD-R2") String trackingCode,
            String description,
            String regionCode,
            Point point,
            String locationText,
            Instant occurredAt,
            String categoryCode,
            String contactName,
            String contactPhone,

            @Schema(description = "The reporter left no contact")
            boolean anonymous,

            @Schema(description = "Whether the contact is shown unmasked to you")
            boolean personalDataVisible,

            @Schema(description = "The team whose queue holds it; null when its region has no team")
            UUID teamId,

            @Schema(description = "The region whose team triages it", example = "13.77")
            String queueRegion,

            IntakeStatus status,
            PublicStatus publicStatus,
            String publicReason,
            Instant publicStatusAt,
            String triageNote,
            Instant receivedAt,

            @Schema(description = "By when the team should act (the service level, in working days)")
            Instant dueAt,

            @Schema(description = "Still open after dueAt") boolean overdue,
            Instant firstActionAt,
            LinkedType linkedType,
            UUID linkedId,

            @Schema(description = "The reporter gave a point alone: forward the report to the region it lies in")
            boolean regionUnknown,

            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(
                    description = "For a report located by a point alone, read by its id: the kabupaten/kota of "
                            + "recorded incidents near the point, nearest first (a hint, never routing)",
                    maxItems = 5)
            List<RegionHint> regionHints,

            long version,
            Instant updatedAt)
            implements Versioned {

        /** With the hints of where a report located by a point alone may lie. */
        IntakeReportResponse withHints(List<RegionHint> hints) {
            return new IntakeReportResponse(
                    id,
                    trackingCode,
                    description,
                    regionCode,
                    point,
                    locationText,
                    occurredAt,
                    categoryCode,
                    contactName,
                    contactPhone,
                    anonymous,
                    personalDataVisible,
                    teamId,
                    queueRegion,
                    status,
                    publicStatus,
                    publicReason,
                    publicStatusAt,
                    triageNote,
                    receivedAt,
                    dueAt,
                    overdue,
                    firstActionAt,
                    linkedType,
                    linkedId,
                    regionUnknown,
                    hints,
                    version,
                    updatedAt);
        }

        static IntakeReportResponse from(IntakeReport r, Instant now) {
            return new IntakeReportResponse(
                    r.id,
                    TrackingCodes.display(r.trackingCode),
                    r.description,
                    r.regionCode,
                    r.latitude == null ? null : new Point(r.latitude, r.longitude),
                    r.locationText,
                    r.occurredAt,
                    r.categoryCode,
                    r.contactName,
                    r.contactPhone,
                    r.contactName == null && r.contactPhone == null,
                    true,
                    r.teamId,
                    r.queueRegion,
                    r.status,
                    r.publicStatus,
                    r.publicReason,
                    r.publicStatusAt,
                    r.triageNote,
                    r.createdAt,
                    r.dueAt,
                    r.status.open() && r.dueAt.isBefore(now),
                    r.firstActionAt,
                    LinkedType.of(r.linkedType),
                    r.linkedId,
                    r.regionCode == null,
                    null,
                    r.version,
                    r.updatedAt);
        }

        /** The contact masked (each word's first letter, digits as *). */
        IntakeReportResponse masked() {
            return new IntakeReportResponse(
                    id,
                    trackingCode,
                    description,
                    regionCode,
                    point,
                    locationText,
                    occurredAt,
                    categoryCode,
                    PersonalData.maskName(contactName),
                    PersonalData.maskNumber(contactPhone),
                    anonymous,
                    false,
                    teamId,
                    queueRegion,
                    status,
                    publicStatus,
                    publicReason,
                    publicStatusAt,
                    triageNote,
                    receivedAt,
                    dueAt,
                    overdue,
                    firstActionAt,
                    linkedType,
                    linkedId,
                    regionUnknown,
                    regionHints,
                    version,
                    updatedAt);
        }

        /** What the change log keeps: no contact at all (not even masked), and nothing that depends on the clock. */
        IntakeReportResponse logged() {
            return new IntakeReportResponse(
                    id,
                    trackingCode,
                    description,
                    regionCode,
                    point,
                    locationText,
                    occurredAt,
                    categoryCode,
                    null,
                    null,
                    anonymous,
                    false,
                    teamId,
                    queueRegion,
                    status,
                    publicStatus,
                    publicReason,
                    publicStatusAt,
                    triageNote,
                    receivedAt,
                    dueAt,
                    false,
                    firstActionAt,
                    linkedType,
                    linkedId,
                    regionUnknown,
                    null,
                    version,
                    updatedAt);
        }
    }

    @Schema(
            name = "TriageInput",
            description = "A decision on a report in your queue. ACCEPT_AS_INCIDENT / ACCEPT_AS_WARNING create the "
                    + "record (source LAPORAN_MASYARAKAT) from the report and link it, in one transaction; the fields "
                    + "below default to the report's (title: its first line). REJECT needs publicReason, which the "
                    + "reporter sees. FORWARD needs regionCode: the report moves to that region's team. DUPLICATE "
                    + "needs recordType and recordId of the existing record.")
    public record TriageInput(
            @NotNull TriageAction action,

            @Size(max = 1000)
            @Schema(description = "REJECT: why, in words the reporter reads", example = "Bukan konflik sosial")
            String publicReason,

            @Size(max = 2000)
            @Schema(
                    description = "How the team checked it. Kept with the report for the team; on an ACCEPT it is also "
                            + "the new record's verification note, which everyone who may read that record reads: no "
                            + "name or number of the reporter here",
                    example = "Dikonfirmasi lewat telepon dengan Polsek setempat")
            String note,

            @Pattern(regexp = Constraints.REGION_CODE, message = Constraints.REGION_CODE_MESSAGE)
            @Schema(
                    description = "FORWARD: the region whose team receives it; ACCEPT: the record's region (default "
                            + "the report's)",
                    example = "13.77")
            String regionCode,

            @Schema(description = "DUPLICATE: the kind of the existing record")
            LinkedType recordType,

            @Schema(description = "DUPLICATE: the existing record")
            UUID recordId,

            @Size(max = 300)
            @Pattern(regexp = Constraints.ONE_LINE_NOT_BLANK, message = Constraints.ONE_LINE_NOT_BLANK_MESSAGE)
            @Schema(description = "ACCEPT: the record's title", example = "Bentrokan pemuda di Simpang Kampung Baru")
            String title,

            @Size(max = 64)
            @Schema(description = "ACCEPT: code of reference kind conflict-categories (default the reporter's guess)")
            String categoryCode,

            @Min(1) @Max(5) @Schema(description = "ACCEPT_AS_INCIDENT: severity (default 2)", example = "2")
            Integer severity,

            @Min(1) @Max(5) @Schema(description = "ACCEPT_AS_WARNING: likelihood (default 3)")
            Integer likelihood,

            @Min(1) @Max(5) @Schema(description = "ACCEPT_AS_WARNING: impact (default 3)")
            Integer impact,

            @Schema(description = "ACCEPT: the record's classification (default RESTRICTED)")
            Classification classification,

            @Schema(description = "ACCEPT_AS_INCIDENT: the stage it is in (default PENCEGAHAN; not SELESAI)")
            Stage stage) {}
}
