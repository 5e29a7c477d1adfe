package id.terpadu.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.persistence.ReportedFiles;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.validation.Constraints;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningInput;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningResponse;
import id.terpadu.earlywarning.WarningRepository;
import id.terpadu.earlywarning.WarningService;
import id.terpadu.incident.IncidentDtos.IncidentInput;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.incident.IncidentService;
import id.terpadu.incident.SourceKind;
import id.terpadu.incident.Stage;
import id.terpadu.intake.IntakeDtos.IntakeReportResponse;
import id.terpadu.intake.IntakeDtos.PublicReportInput;
import id.terpadu.intake.IntakeDtos.PublicReportStatus;
import id.terpadu.intake.IntakeDtos.RegionHint;
import id.terpadu.intake.IntakeDtos.TriageInput;
import id.terpadu.reference.ReferenceItem;
import id.terpadu.reference.ReferenceService;
import id.terpadu.region.RegionService;
import id.terpadu.team.Team;
import id.terpadu.team.TeamRepository;
import id.terpadu.verification.Similar;
import id.terpadu.verification.SimilarConfig;
import id.terpadu.verification.Verifications;
import id.terpadu.verification.Verified;

/**
 * Community reports: received from the public after a proof of work, queued for the team of their region (the
 * kabupaten/kota's, else the province's), and triaged there. Each triage action is a move of {@link IntakeStatus}'s
 * table; accepting creates the early warning or incident through its own service, in the same transaction, and
 * links it. The reporter's contact is personal data: masked for those who may not read it, recorded in the access
 * log when shown, and never in the change log (the change log keeps {@link IntakeReportResponse#logged}).
 */
@ApplicationScoped
public class IntakeService {

    /** Community reports: in the change log (their history), never in the feed or webhooks. */
    @Produces
    public static final RecordType INTAKE = RecordType.internal("intake-report", IntakeReport.class);

    /** The actor the change log names for a report from the public. */
    static final String PUBLIC_ACTOR = "public";

    private static final int TITLE_MAX = 300;

    private final IntakeRepository reports;
    private final Challenges challenges;
    private final Records records;
    private final Caller caller;
    private final PersonalData personalData;
    private final RegionService regions;
    private final ReferenceService reference;
    private final TeamRepository teams;
    private final IncidentService incidents;
    private final IncidentRepository incidentRecords;
    private final WarningService warnings;
    private final WarningRepository warningRecords;
    private final Verifications verifications;
    private final ReportedFiles files;
    private final IntakeConfig config;
    private final int serviceLevelDays;
    private final int similarWindowHours;

    IntakeService(
            IntakeRepository reports,
            Challenges challenges,
            Records records,
            Caller caller,
            PersonalData personalData,
            RegionService regions,
            ReferenceService reference,
            TeamRepository teams,
            IncidentService incidents,
            IncidentRepository incidentRecords,
            WarningService warnings,
            WarningRepository warningRecords,
            Verifications verifications,
            ReportedFiles files,
            IntakeConfig config,
            SimilarConfig similarConfig) {
        this.similarWindowHours = similarConfig.windowHours();
        this.reports = reports;
        this.challenges = challenges;
        this.records = records;
        this.caller = caller;
        this.personalData = personalData;
        this.regions = regions;
        this.reference = reference;
        this.teams = teams;
        this.incidents = incidents;
        this.incidentRecords = incidentRecords;
        this.warnings = warnings;
        this.warningRecords = warningRecords;
        this.verifications = verifications;
        this.files = files;
        this.config = config;
        this.serviceLevelDays = config.serviceLevelDays();
    }

    // ---- the public side ------------------------------------------------------------------------------------

    /**
     * A report from the public. A filled honeypot is answered as a success with a code that tracks to nothing and a
     * key that opens nothing, and nothing is stored; otherwise the proof of work is redeemed and the report queued, in
     * one transaction. The answer shows the report's upload key once; only its SHA-256 is kept.
     */
    @Transactional
    public PublicReportStatus submit(PublicReportInput input) {
        String key = UploadKeys.newKey();
        Instant expires = now().plus(config.photos().keyExpiry());
        if (input.website() != null && !input.website().isEmpty()) {
            Instant now = now();
            return withKey(
                    new PublicReportStatus(
                            TrackingCodes.display(TrackingCodes.random()),
                            PublicStatus.DITERIMA,
                            null,
                            now,
                            now,
                            0,
                            null,
                            null,
                            null,
                            null),
                    key,
                    expires);
        }
        challenges.redeem(input.altcha());
        IntakeReport report = receive(UUID.randomUUID(), TrackingCodes.random(), input, key, expires);
        return withKey(publicView(report, 0), key, expires);
    }

    private PublicReportStatus withKey(PublicReportStatus status, String key, Instant expires) {
        return new PublicReportStatus(
                status.trackingCode(),
                status.status(),
                status.reason(),
                status.receivedAt(),
                status.updatedAt(),
                status.photos(),
                key,
                expires,
                config.photos().maxFiles(),
                config.photos().maxBytes().asLongValue());
    }

    /**
     * Queues a report with this id and tracking code, without a proof of work and without an upload key: the demo
     * data set, whose reports must have known codes.
     */
    @Transactional
    public IntakeReport receive(UUID id, String trackingCode, PublicReportInput input) {
        return receive(id, trackingCode, input, null, null);
    }

    /**
     * Queues a report: located by its region code, or by its point alone (then in the queue of reports without a
     * region); neither is a 400 naming regionCode. With an upload key (kept as its SHA-256) until {@code keyExpires}.
     */
    @Transactional
    public IntakeReport receive(
            UUID id, String trackingCode, PublicReportInput input, String uploadKey, Instant keyExpires) {
        caller.actAsSystem(PUBLIC_ACTOR);
        Instant now = now();
        // the bounds of the incident or warning it may be accepted into, so that an accepted report is never refused
        if (input.occurredAt().isAfter(now.plus(Constraints.CLOCK_AHEAD))) {
            throw ProblemException.invalid("occurredAt", Message.of("intake.occurred-at.future"));
        }
        if (input.occurredAt().isBefore(Constraints.EARLIEST)) {
            throw ProblemException.invalid(
                    "occurredAt", Message.of("intake.occurred-at.before", "min", Constraints.EARLIEST));
        }
        String region = blankToNull(input.regionCode());
        if (region == null && input.point() == null) {
            throw ProblemException.invalid("regionCode", Message.of("intake.location.required"));
        }
        if (input.categoryCode() != null
                && !input.categoryCode().isBlank()
                && !reference.isCode("conflict-categories", input.categoryCode())) {
            // a public form has no token to read the reference list with: the answer lists the codes itself
            throw ProblemException.invalid(
                    "categoryCode",
                    Message.of("intake.category-code.unknown"),
                    reference.items("conflict-categories", "id").stream()
                            .map(ReferenceItem::code)
                            .toList());
        }
        Queue queue = region == null ? unlocatedQueue() : queueOf(region, "regionCode");
        IntakeReport report = new IntakeReport();
        report.id = id;
        report.trackingCode = trackingCode;
        report.uploadKeySha256 = uploadKey == null ? null : UploadKeys.sha256(uploadKey);
        report.uploadKeyExpiresAt = keyExpires;
        report.description = input.description().strip();
        report.regionCode = region;
        report.latitude = input.point() == null ? null : input.point().lat();
        report.longitude = input.point() == null ? null : input.point().lon();
        report.locationText = blankToNull(input.locationText());
        report.occurredAt = input.occurredAt().truncatedTo(ChronoUnit.MICROS);
        report.categoryCode = blankToNull(input.categoryCode());
        report.contactName = blankToNull(input.contactName());
        report.contactPhone = blankToNull(input.contactPhone());
        report.teamId = queue.team() == null ? null : queue.team().id;
        report.queueRegion = queue.region();
        report.status = IntakeStatus.BARU;
        report.publicStatus = PublicStatus.DITERIMA;
        report.publicStatusAt = now;
        report.dueAt = WorkingDays.after(now, serviceLevelDays);
        records.created(report, INTAKE, report.queueRegion, r -> view(r, now), IntakeReportResponse::logged);
        return report;
    }

    /**
     * The public status of the report with this code. An unknown and a malformed code get the same 404 after the same
     * query.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PublicReportStatus track(String code) {
        IntakeReport report = reports.byCode(TrackingCodes.normalise(code));
        if (report == null) {
            throw ProblemException.notFound(Message.of("intake.tracking.not-found"));
        }
        return publicView(report, files.received(report.id));
    }

    private static PublicReportStatus publicView(IntakeReport report, int photos) {
        return new PublicReportStatus(
                TrackingCodes.display(report.trackingCode),
                report.publicStatus,
                report.publicStatus == PublicStatus.DITOLAK ? report.publicReason : null,
                report.createdAt,
                // the status is set a moment before the row is stamped as received: never show it earlier
                report.publicStatusAt.isBefore(report.createdAt) ? report.createdAt : report.publicStatusAt,
                photos,
                null,
                null,
                null,
                null);
    }

    // ---- the queue ------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IntakeReportResponse> list(IntakeStatus status, String region, Boolean overdue, PageRequest page) {
        Instant now = now();
        Filter filter =
                caller.scope().restrict(new Filter(), IntakeRepository.QUEUE).andIf(status, "e.status = :?", status);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("e.queueRegion").within(filter, region);
        }
        List<IntakeStatus> open = List.of(IntakeStatus.BARU, IntakeStatus.DITERUSKAN);
        if (Boolean.TRUE.equals(overdue)) {
            filter.and("e.status in :? and e.dueAt < :?", open, now);
        } else if (Boolean.FALSE.equals(overdue)) {
            filter.and("e.status not in :? or e.dueAt >= :?", open, now);
        }
        Page<IntakeReport> found = reports.page(filter, page);
        Map<UUID, Team> byId = teams.byId(found.items().stream()
                .map(r -> r.teamId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        // a report whose queue has no team (no team in its region, or the national queue without one) has none here:
        // the map of a page without any team is empty and immutable, which takes no null key
        return found.map(r -> shown(view(r, now), r.teamId == null ? null : byId.get(r.teamId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IntakeReportResponse get(UUID id) {
        IntakeReport report = reports.visible(id);
        IntakeReportResponse response = shown(view(report, now()), team(report));
        return report.regionCode == null && report.latitude != null ? response.withHints(hints(report)) : response;
    }

    /**
     * The kabupaten/kota of the incidents the caller may read recorded within {@code terpadu.intake.hint-radius-km}
     * of the report's point, nearest first, at most five: where the report may lie, for the triager to judge.
     */
    private List<RegionHint> hints(IntakeReport report) {
        var nearby = incidents.nearbyRegencies(report.latitude, report.longitude, config.hintRadiusKm(), 5);
        Map<String, String> names = regions.names(
                nearby.stream().map(IncidentService.NearbyRegency::regionCode).toList());
        return nearby.stream()
                .map(r -> new RegionHint(r.regionCode(), names.get(r.regionCode()), r.incidents(), r.nearestKm()))
                .toList();
    }

    /**
     * The incidents and early warnings most likely to report the same event as this community report ({@link
     * Similar}), best first: what a triage would name in DUPLICATE. 404 when the caller may not read the report, and
     * only records the caller may read among the candidates. A report has no title: its text is compared word by word
     * with the candidates' titles, and as a whole with their title and description.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Similar.Answer similar(UUID id, int limit) {
        IntakeReport report = reports.visible(id);
        Similar.Probe probe = Similar.Probe.of(
                report.id,
                null,
                report.description,
                report.regionCode,
                report.categoryCode,
                reference.family("conflict-categories", report.categoryCode),
                report.occurredAt);
        List<Similar.Candidate> found = new java.util.ArrayList<>(incidents.similarTo(probe, limit));
        found.addAll(warnings.similarTo(probe, limit));
        return new Similar.Answer(similarWindowHours, Similar.best(found, limit));
    }

    private static IntakeReportResponse view(IntakeReport report, Instant now) {
        return IntakeReportResponse.from(report, now);
    }

    private Team team(IntakeReport report) {
        return report.teamId == null ? null : teams.findById(report.teamId);
    }

    /**
     * The report as the caller may see it: the contact for those who may read the personal data of the records of the
     * team's secretariat (ADMIN, COORDINATOR, OFFICERs of that agency; the read is then recorded), masked for the rest.
     */
    private IntakeReportResponse shown(IntakeReportResponse report, Team team) {
        if (report.anonymous()) {
            return report.masked();
        }
        return personalData.reveal(
                        INTAKE.name(),
                        report.id(),
                        report.queueRegion(),
                        team == null ? null : team.secretariatAgencyId)
                ? report
                : report.masked();
    }

    // ---- triage ---------------------------------------------------------------------------------------------

    /**
     * One triage action, a move of {@link IntakeStatus#TABLE}: 404/403 by the report's queue region, 412 on a stale
     * If-Match, 409 (naming the allowed moves) on a decided report, 400 for a missing field of the action. The first
     * action stamps {@code firstActionAt}.
     */
    @Transactional
    public IntakeReportResponse triage(UUID id, Long expectedVersion, TriageInput input) {
        IntakeReport report = reports.writableForUpdate(id);
        ETags.check(expectedVersion, report.version);
        IntakeStatus from = report.status;
        IntakeStatus.TABLE.require(
                from,
                input.action().to(),
                () -> IntakeStatus.TABLE.isFinal(from)
                        ? Message.of("intake.triage.decided", "from", from, "action", input.action())
                        : Message.of(
                                "intake.triage.refused",
                                "from",
                                from,
                                "action",
                                input.action(),
                                "allowed",
                                IntakeStatus.TABLE.allowedNames(from)));
        Instant now = now();
        // Everything that reads or writes other records first: their queries would flush a change of the report.
        switch (input.action()) {
            case ACCEPT_AS_INCIDENT -> {
                IncidentResponse incident = incidents.create(incidentInput(report, input), checked(input));
                files.handOver(report.id, "incident", incident.id(), incident.regionCode(), incident.classification());
                link(
                        report,
                        LinkedType.INCIDENT,
                        incident.id(),
                        incident.stage().name(),
                        now);
            }
            case ACCEPT_AS_WARNING -> {
                EarlyWarningResponse warning = warnings.create(warningInput(report, input), checked(input));
                files.handOver(
                        report.id, "early-warning", warning.id(), warning.regionCode(), warning.classification());
                link(
                        report,
                        LinkedType.EARLY_WARNING,
                        warning.id(),
                        warning.status().name(),
                        now);
            }
            case DUPLICATE -> {
                LinkedType type = required(input.recordType(), "recordType", input.action());
                UUID original = required(input.recordId(), "recordId", input.action());
                String state = type == LinkedType.INCIDENT
                        ? Records.referenced(() -> incidentRecords.visible(original), "recordId")
                                .stage
                                .name()
                        : Records.referenced(() -> warningRecords.visible(original), "recordId")
                                .status
                                .name();
                link(report, type, original, state, now);
            }
            case REJECT -> {
                String reason = required(blankToNull(input.publicReason()), "publicReason", input.action());
                report.publicStatus = PublicStatus.DITOLAK;
                report.publicReason = reason.strip();
                report.publicStatusAt = now;
            }
            case FORWARD -> {
                String region = required(blankToNull(input.regionCode()), "regionCode", input.action())
                        .trim();
                Queue queue = queueOf(region, "regionCode");
                if (Objects.equals(queue.region(), report.queueRegion)) {
                    throw ProblemException.invalid(
                            "regionCode", Message.of("intake.forward.same-queue", "region", queue.region()));
                }
                report.teamId = queue.team() == null ? null : queue.team().id;
                report.queueRegion = queue.region();
                if (report.regionCode == null) {
                    // a report located by a point alone takes the region its triager found
                    report.regionCode = region;
                }
                // the receiving team has the whole service level for its own first action
                report.dueAt = WorkingDays.after(now, serviceLevelDays);
            }
        }
        report.status = input.action().to();
        if (input.note() != null && !input.note().isBlank()) {
            report.triageNote = input.note().strip();
        }
        if (report.firstActionAt == null) {
            report.firstActionAt = now;
        }
        Team team = team(report);
        return shown(
                records.updated(report, INTAKE, report.queueRegion, r -> view(r, now), IntakeReportResponse::logged),
                team);
    }

    private static void link(IntakeReport report, LinkedType type, UUID id, String state, Instant now) {
        report.linkedType = type.recordType();
        report.linkedId = id;
        report.linkedState = state;
        report.publicStatus = PublicStatus.DIVERIFIKASI;
        report.publicStatusAt = now;
    }

    /**
     * The verification of a record accepted in triage: the triager checked the report (the team's note says how), so
     * the record starts TERVERIFIKASI by them, as the reporter is told (DIVERIFIKASI). The triager is also the record's
     * author, so a public warning made of it still waits for a second person before it is published.
     */
    private Verified checked(TriageInput input) {
        return verifications.judged(input.note());
    }

    private IncidentInput incidentInput(IntakeReport report, TriageInput input) {
        return new IncidentInput(
                null,
                title(report, input),
                report.description,
                category(report, input),
                input.regionCode() == null || input.regionCode().isBlank() ? report.regionCode : input.regionCode(),
                report.latitude == null
                        ? null
                        : new id.terpadu.incident.IncidentDtos.Point(report.latitude, report.longitude),
                report.locationText,
                null,
                null,
                report.occurredAt,
                null,
                SourceKind.LAPORAN_MASYARAKAT,
                "laporan-masyarakat:" + report.id,
                input.severity() == null ? 2 : input.severity(),
                classification(input),
                null,
                null,
                null,
                null,
                input.stage() == null ? Stage.PENCEGAHAN : input.stage(),
                null);
    }

    private EarlyWarningInput warningInput(IntakeReport report, TriageInput input) {
        return new EarlyWarningInput(
                null,
                input.regionCode() == null || input.regionCode().isBlank() ? report.regionCode : input.regionCode(),
                category(report, input),
                title(report, input),
                report.description,
                null,
                null,
                input.likelihood() == null ? 3 : input.likelihood(),
                input.impact() == null ? 3 : input.impact(),
                null,
                SourceKind.LAPORAN_MASYARAKAT,
                classification(input),
                null,
                null,
                report.latitude == null
                        ? null
                        : new id.terpadu.incident.IncidentDtos.Point(report.latitude, report.longitude),
                report.occurredAt,
                null,
                null,
                null);
    }

    private static Classification classification(TriageInput input) {
        return input.classification() == null ? Classification.RESTRICTED : input.classification();
    }

    private static String category(IntakeReport report, TriageInput input) {
        String category = blankToNull(input.categoryCode()) == null ? report.categoryCode : input.categoryCode();
        return required(category, "categoryCode", input.action());
    }

    /** The given title, else the report's first line (control characters dropped, at most 300 characters). */
    static String title(IntakeReport report, TriageInput input) {
        if (input.title() != null && !input.title().isBlank()) {
            return input.title().strip();
        }
        String first = report.description.strip().lines().findFirst().orElse("");
        first = first.replaceAll("[\\x00-\\x1F\\x7F]", " ").strip();
        if (first.length() > TITLE_MAX) {
            first = first.substring(0, TITLE_MAX - 1).strip() + "…";
        }
        return first.isEmpty() ? "Laporan masyarakat " + TrackingCodes.display(report.trackingCode) : first;
    }

    private static <T> T required(T value, String field, TriageAction action) {
        if (value == null) {
            throw ProblemException.invalid(field, Message.of("intake.triage.required", "action", action));
        }
        return value;
    }

    // ---- where a report goes --------------------------------------------------------------------------------

    /** The team whose queue takes a report of a region, and the region that queue lies in. */
    record Queue(Team team, String region) {}

    /**
     * The kabupaten/kota's team, else the province's; with neither, the kabupaten/kota itself when it exists, else
     * the province, whose scope then sees it. A province that does not exist is a 400 naming the field.
     */
    private Queue queueOf(String region, String field) {
        String province = region.substring(0, 2);
        String regency = region.length() >= 5 ? region.substring(0, 5) : null;
        if (!regions.exists(province)) {
            throw ProblemException.invalid(field, Message.of("region.code.unknown", "code", region));
        }
        Team team = teams.queueTeam(
                regency, province, now().atZone(WorkingDays.ZONE).getYear());
        if (team != null) {
            return new Queue(team, team.regionCode);
        }
        return new Queue(null, regency != null && regions.exists(regency) ? regency : province);
    }

    /**
     * The queue of reports located by a point alone: that of {@code terpadu.intake.unlocated-region} when set, else the
     * national queue (the national team's, which only a national scope reads).
     */
    private Queue unlocatedQueue() {
        if (config.unlocatedRegion().isPresent()) {
            return queueOf(config.unlocatedRegion().get().trim(), "regionCode");
        }
        return new Queue(teams.nationalTeam(now().atZone(WorkingDays.ZONE).getYear()), null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
