package id.terpadu.conflictstatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.RegionScope;
import id.terpadu.conflictstatus.StatusDtos.ConflictStatusInput;
import id.terpadu.conflictstatus.StatusDtos.ConflictStatusResponse;
import id.terpadu.conflictstatus.StatusDtos.ExtensionInput;
import id.terpadu.conflictstatus.StatusDtos.ExtensionResponse;
import id.terpadu.conflictstatus.StatusDtos.RevocationInput;
import id.terpadu.conflictstatus.StatusDtos.State;
import id.terpadu.conflictstatus.StatusDtos.TniAssistanceInput;
import id.terpadu.conflictstatus.StatusDtos.TniAssistanceResponse;
import id.terpadu.conflictstatus.StatusDtos.TniEndingInput;
import id.terpadu.region.RegionService;

/**
 * Status Keadaan Konflik (UU 7/2012 Ps 14–25) and TNI assistance under it (Ps 33–35). Rules, each answered with its
 * legal basis: the scale matches the region's level; the DPRD/DPR leaders are consulted before the status starts;
 * a term lasts at most 90 days; an extension starts the day after the current end and lasts at most 30 days
 * (recollection, see domain notes); revocation ends it early; a region has at most one status at a time; TNI
 * assistance is requested only while the status is in force and ends when the status ends.
 */
@ApplicationScoped
public class ConflictStatusService {

    /** Status Keadaan Konflik. */
    @Produces
    public static final RecordType STATUS = RecordType.published("conflict-status", ConflictStatus.class);
    /** Requests for TNI assistance. */
    @Produces
    public static final RecordType TNI_ASSISTANCE = RecordType.published("tni-assistance", TniAssistance.class);

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    static final int MAX_TERM_DAYS = 90;

    private final ConflictStatusRepository statuses;
    private final Caller caller;
    private final ChangeLog changeLog;
    private final Records records;
    private final RegionService regions;
    private final AttachmentCounts counts;

    ConflictStatusService(
            ConflictStatusRepository statuses,
            Caller caller,
            ChangeLog changeLog,
            Records records,
            RegionService regions,
            AttachmentCounts counts) {
        this.counts = counts;
        this.statuses = statuses;
        this.caller = caller;
        this.changeLog = changeLog;
        this.records = records;
        this.regions = regions;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ConflictStatusResponse> list(Scale scale, String region, PageRequest page) {
        Filter filter = caller.scope().restrict(new Filter(), "e.regionCode").andIf(scale, "e.scale = :?", scale);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("e.regionCode").within(filter, region);
        }
        Page<ConflictStatus> found = statuses.page(filter, page);
        List<Extension> extensions =
                statuses.extensionsOf(found.items().stream().map(s -> s.id).toList());
        return counts.countedPage(found.<ConflictStatusResponse>map(s ->
                view(s, extensions.stream().filter(x -> x.statusId.equals(s.id)).toList())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ConflictStatusResponse get(UUID id) {
        ConflictStatus status = statuses.visible(id);
        return counts.counted(view(status, statuses.extensionsOf(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        statuses.visible(id);
        return changeLog.history(STATUS, id, page);
    }

    // ---- the term -------------------------------------------------------------------------------------------

    static LocalDate effectiveEnd(ConflictStatus status, List<Extension> extensions) {
        LocalDate end = status.endsOn;
        for (Extension extension : extensions) {
            if (extension.endsOn.isAfter(end)) {
                end = extension.endsOn;
            }
        }
        return status.revokedOn != null && status.revokedOn.isBefore(end) ? status.revokedOn : end;
    }

    static boolean inForce(ConflictStatus status, List<Extension> extensions, LocalDate day) {
        return !day.isBefore(status.startsOn) && !day.isAfter(effectiveEnd(status, extensions));
    }

    static ConflictStatusResponse view(ConflictStatus s, List<Extension> extensions) {
        LocalDate today = today();
        LocalDate end = effectiveEnd(s, extensions);
        State state;
        if (s.revokedOn != null && !today.isBefore(s.revokedOn)) {
            state = State.DICABUT;
        } else if (today.isBefore(s.startsOn)) {
            state = State.BELUM_BERLAKU;
        } else if (today.isAfter(end)) {
            state = State.BERAKHIR;
        } else {
            state = today.isAfter(s.endsOn) ? State.DIPERPANJANG : State.DITETAPKAN;
        }
        return new ConflictStatusResponse(
                s.id,
                s.scale,
                s.regionCode,
                s.declaredBy,
                s.decreeNumber,
                s.consultationDate,
                s.startsOn,
                s.endsOn,
                end,
                s.revokedOn,
                s.revocationReason,
                s.revocationDecree,
                state,
                inForce(s, extensions, today),
                extensions.stream().map(ExtensionResponse::from).toList(),
                s.version,
                s.createdAt,
                s.updatedAt,
                null);
    }

    // ---- writing --------------------------------------------------------------------------------------------

    @Transactional
    public ConflictStatusResponse declare(ConflictStatusInput input) {
        String region = input.regionCode() == null || input.regionCode().isBlank()
                ? null
                : input.regionCode().trim();
        caller.scope().requireWritable(region, "regionCode");
        checkScale(input.scale(), region);
        checkTerm(input);
        requireNoOverlap(region, input.startsOn(), input.endsOn(), null);
        ConflictStatus status = new ConflictStatus();
        status.id = records.newId(ConflictStatus.class, input.id());
        status.scale = input.scale();
        status.regionCode = region;
        status.declaredBy = input.declaredBy().trim();
        status.decreeNumber = input.decreeNumber().trim();
        status.consultationDate = input.consultationDate();
        status.startsOn = input.startsOn();
        status.endsOn = input.endsOn();
        return counts.counted(records.created(status, STATUS, region, s -> view(s, List.of())));
    }

    /** The rules of a term, the same on a declaration and on its correction. */
    private static void checkTerm(ConflictStatusInput input) {
        if (input.consultationDate().isAfter(input.startsOn())) {
            throw ProblemException.invalid("consultationDate", Message.of("status.consultation.after"));
        }
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ProblemException.invalid("endsOn", Message.of("date.ends-on.before"));
        }
        long days = ChronoUnit.DAYS.between(input.startsOn(), input.endsOn()) + 1;
        if (days > MAX_TERM_DAYS) {
            throw ProblemException.invalid("endsOn", Message.of("status.term.max", "max", MAX_TERM_DAYS, "days", days));
        }
    }

    /**
     * Corrects a recorded status: a mistyped decree number, declarer or date. Its scale and region are fixed (a
     * status of another region is another declaration). The statutory rules hold on the result as on a declaration
     * (the consultation before the start, at most 90 days, one status per region at a time), and the correction may
     * not leave what hangs on the term outside it: an extension starts the day after the end it extends (409 when the
     * end would move under it), a revocation lies within the term, and every TNI assistance within the status's term
     * (UU 7/2012 Ps 35).
     */
    @Transactional
    public ConflictStatusResponse correct(UUID id, Long expectedVersion, ConflictStatusInput input) {
        ConflictStatus status = statuses.writable(id);
        Records.checkReplace(status, input.id(), expectedVersion);
        String region = input.regionCode() == null || input.regionCode().isBlank()
                ? null
                : input.regionCode().trim();
        if (input.scale() != status.scale) {
            throw ProblemException.invalid("scale", Message.of("status.region.fixed"));
        }
        if (!java.util.Objects.equals(region, status.regionCode)) {
            throw ProblemException.invalid("regionCode", Message.of("status.region.fixed"));
        }
        checkTerm(input);
        List<Extension> extensions = statuses.extensionsOf(id);
        if (!extensions.isEmpty() && !input.endsOn().equals(status.endsOn)) {
            throw ProblemException.conflict(
                    Message.of("status.correction.extended", "end", status.endsOn, "count", extensions.size()));
        }
        ConflictStatus corrected = new ConflictStatus();
        corrected.startsOn = input.startsOn();
        corrected.endsOn = input.endsOn();
        LocalDate termEnd = effectiveEnd(corrected, extensions);
        if (status.revokedOn != null
                && (status.revokedOn.isBefore(input.startsOn()) || status.revokedOn.isAfter(termEnd))) {
            throw ProblemException.conflict(Message.of(
                    "status.correction.revoked-on",
                    "date",
                    status.revokedOn,
                    "start",
                    input.startsOn(),
                    "end",
                    termEnd));
        }
        for (TniAssistance assistance : statuses.tniRequests(id)) {
            LocalDate last = assistance.endedOn != null ? assistance.endedOn : assistance.endsOn;
            if (assistance.startsOn.isBefore(input.startsOn()) || last.isAfter(termEnd)) {
                throw ProblemException.conflict(Message.of(
                        "status.correction.tni-outside",
                        "id",
                        assistance.id,
                        "period",
                        assistance.startsOn + " – " + last,
                        "term",
                        input.startsOn() + " – " + termEnd));
            }
        }
        // a revoked status no longer stands in the way of a later one after its revocation
        LocalDate effectiveEnd =
                status.revokedOn != null && status.revokedOn.isBefore(termEnd) ? status.revokedOn : termEnd;
        requireNoOverlap(region, input.startsOn(), effectiveEnd, id);
        status.declaredBy = input.declaredBy().trim();
        status.decreeNumber = input.decreeNumber().trim();
        status.consultationDate = input.consultationDate();
        status.startsOn = input.startsOn();
        status.endsOn = input.endsOn();
        return counts.counted(records.updated(status, STATUS, region, s -> view(s, extensions)));
    }

    @Transactional
    public ConflictStatusResponse extend(UUID id, ExtensionInput input) {
        ConflictStatus status = statuses.writable(id);
        List<Extension> extensions = new ArrayList<>(statuses.extensionsOf(id));
        if (status.revokedOn != null) {
            throw ProblemException.conflict(Message.of("status.revoked.no-extension", "date", status.revokedOn));
        }
        LocalDate end = effectiveEnd(status, extensions);
        if (today().isAfter(end)) {
            throw ProblemException.conflict(Message.of("status.ended", "date", end));
        }
        Extension extension = new Extension();
        extension.id = UUID.randomUUID();
        extension.statusId = id;
        extension.decreeNumber = input.decreeNumber().trim();
        extension.reason = input.reason().trim();
        extension.startsOn = end.plusDays(1);
        extension.endsOn = end.plusDays(input.days());
        extension.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        extension.createdBy = caller.subject();
        requireNoOverlap(status.regionCode, extension.startsOn, extension.endsOn, id);
        statuses.addExtension(extension);
        extensions.add(extension);
        status.updatedAt = extension.createdAt;
        return counts.counted(records.updated(status, STATUS, status.regionCode, s -> view(s, extensions)));
    }

    @Transactional
    public ConflictStatusResponse revoke(UUID id, RevocationInput input) {
        ConflictStatus status = statuses.writable(id);
        List<Extension> extensions = statuses.extensionsOf(id);
        if (status.revokedOn != null) {
            throw ProblemException.conflict(Message.of("status.revoked.already", "date", status.revokedOn));
        }
        LocalDate end = effectiveEnd(status, extensions);
        if (input.revokedOn().isBefore(status.startsOn) || input.revokedOn().isAfter(end)) {
            throw ProblemException.invalid(
                    "revokedOn", Message.of("status.revoked-on.term", "start", status.startsOn, "end", end));
        }
        status.revokedOn = input.revokedOn();
        status.revocationReason = input.reason().trim();
        status.revocationDecree = input.decreeNumber().trim();
        return counts.counted(records.updated(status, STATUS, status.regionCode, s -> view(s, extensions)));
    }

    private void checkScale(Scale scale, String region) {
        if (scale == Scale.NASIONAL) {
            if (region != null) {
                throw ProblemException.invalid("regionCode", Message.of("status.region-code.national"));
            }
            return;
        }
        if (region == null) {
            throw ProblemException.invalid("regionCode", Message.of("status.region-code.required", "scale", scale));
        }
        regions.requireExisting(region, "regionCode");
        RegionLevel level = RegionCode.level(region);
        boolean matches = scale == Scale.PROVINSI
                ? level == RegionLevel.PROVINSI
                : level == RegionLevel.KABUPATEN || level == RegionLevel.KOTA;
        if (!matches) {
            throw ProblemException.invalid(
                    "regionCode",
                    scale == Scale.PROVINSI
                            ? Message.of("status.region-code.province", "region", region, "regionLevel", level)
                            : Message.of(
                                    "status.region-code.regency",
                                    "scale",
                                    scale,
                                    "region",
                                    region,
                                    "regionLevel",
                                    level));
        }
    }

    /** 409 when another status of the same region is in force on any day of the span. */
    private void requireNoOverlap(String region, LocalDate from, LocalDate to, UUID except) {
        List<ConflictStatus> others = statuses.ofRegion(region, except);
        List<Extension> extensions =
                statuses.extensionsOf(others.stream().map(o -> o.id).toList());
        for (ConflictStatus other : others) {
            LocalDate otherEnd = effectiveEnd(
                    other,
                    extensions.stream().filter(x -> x.statusId.equals(other.id)).toList());
            if (!from.isAfter(otherEnd) && !to.isBefore(other.startsOn)) {
                throw ProblemException.conflict(Message.of(
                        "status.overlap",
                        "region",
                        region == null ? "NASIONAL" : region,
                        "from",
                        other.startsOn,
                        "to",
                        otherEnd,
                        "id",
                        other.id));
            }
        }
    }

    // ---- TNI assistance -------------------------------------------------------------------------------------

    @Transactional
    public TniAssistanceResponse requestTni(UUID statusId, TniAssistanceInput input) {
        ConflictStatus status = statuses.writable(statusId);
        List<Extension> extensions = statuses.extensionsOf(statusId);
        requireInForce(status, extensions);
        checkTniPeriod(input.startsOn(), input.endsOn(), status, extensions);
        TniAssistance request = new TniAssistance();
        request.id = records.newId(TniAssistance.class, input.id());
        request.statusId = statusId;
        request.requestedBy = input.requestedBy().trim();
        request.reason = input.reason().trim();
        request.units = input.units() == null ? new ArrayList<>() : new ArrayList<>(input.units());
        request.tasks = new ArrayList<>(input.tasks());
        request.startsOn = input.startsOn();
        request.endsOn = input.endsOn();
        return records.created(request, TNI_ASSISTANCE, status.regionCode, r -> tniView(r, status, extensions));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TniAssistanceResponse> tniRequests(UUID statusId) {
        ConflictStatus status = statuses.visible(statusId);
        List<Extension> extensions = statuses.extensionsOf(statusId);
        return statuses.tniRequests(statusId).stream()
                .map(t -> tniView(t, status, extensions))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TniAssistanceResponse tniRequest(UUID statusId, UUID assistanceId) {
        ConflictStatus status = statuses.visible(statusId);
        return tniView(statuses.tniRequest(statusId, assistanceId), status, statuses.extensionsOf(statusId));
    }

    /**
     * Amends TNI assistance (who asked, why, the units, the tasks, the period): only while its status is in force
     * (UU 7/2012 Ps 33), for a period within the status's term, and not once it was ended early.
     */
    @Transactional
    public TniAssistanceResponse amendTni(
            UUID statusId, UUID assistanceId, Long expectedVersion, TniAssistanceInput input) {
        ConflictStatus status = statuses.writable(statusId);
        TniAssistance assistance = statuses.tniRequest(statusId, assistanceId);
        Records.checkReplace(assistance, input.id(), expectedVersion);
        List<Extension> extensions = statuses.extensionsOf(statusId);
        requireInForce(status, extensions);
        if (assistance.endedOn != null) {
            throw ProblemException.conflict(Message.of("status.tni.ended", "date", assistance.endedOn));
        }
        checkTniPeriod(input.startsOn(), input.endsOn(), status, extensions);
        assistance.requestedBy = input.requestedBy().trim();
        assistance.reason = input.reason().trim();
        assistance.units = input.units() == null ? new ArrayList<>() : new ArrayList<>(input.units());
        assistance.tasks = new ArrayList<>(input.tasks());
        assistance.startsOn = input.startsOn();
        assistance.endsOn = input.endsOn();
        return records.updated(assistance, TNI_ASSISTANCE, status.regionCode, r -> tniView(r, status, extensions));
    }

    /**
     * Ends TNI assistance before its period is over, on a day within what remains of it (the day may lie in the past:
     * a decision recorded late). Once ended, or once over, it cannot be ended again (409).
     */
    @Transactional
    public TniAssistanceResponse endTni(UUID statusId, UUID assistanceId, Long expectedVersion, TniEndingInput input) {
        ConflictStatus status = statuses.writable(statusId);
        TniAssistance assistance = statuses.tniRequest(statusId, assistanceId);
        ETags.check(expectedVersion, assistance.version);
        List<Extension> extensions = statuses.extensionsOf(statusId);
        if (assistance.endedOn != null) {
            throw ProblemException.conflict(Message.of("status.tni.ended", "date", assistance.endedOn));
        }
        LocalDate end = tniView(assistance, status, extensions).effectiveEndsOn();
        if (today().isAfter(end)) {
            throw ProblemException.conflict(Message.of("status.tni.over", "date", end));
        }
        if (input.endedOn().isBefore(assistance.startsOn) || input.endedOn().isAfter(end)) {
            throw ProblemException.invalid(
                    "endedOn", Message.of("status.tni.ended-on.range", "start", assistance.startsOn, "end", end));
        }
        assistance.endedOn = input.endedOn();
        assistance.endReason = input.reason().trim();
        return records.updated(assistance, TNI_ASSISTANCE, status.regionCode, r -> tniView(r, status, extensions));
    }

    private void requireInForce(ConflictStatus status, List<Extension> extensions) {
        if (!inForce(status, extensions, today())) {
            throw ProblemException.conflict(Message.of(
                    "status.tni.not-in-force", "state", view(status, extensions).state()));
        }
    }

    private static void checkTniPeriod(
            LocalDate startsOn, LocalDate endsOn, ConflictStatus status, List<Extension> extensions) {
        LocalDate end = effectiveEnd(status, extensions);
        if (endsOn.isBefore(startsOn)) {
            throw ProblemException.invalid("endsOn", Message.of("date.ends-on.before"));
        }
        if (startsOn.isBefore(status.startsOn) || endsOn.isAfter(end)) {
            throw ProblemException.invalid(
                    "startsOn", Message.of("status.tni.term", "start", status.startsOn, "end", end));
        }
    }

    static TniAssistanceResponse tniView(TniAssistance t, ConflictStatus status, List<Extension> extensions) {
        LocalDate statusEnd = effectiveEnd(status, extensions);
        LocalDate own = t.endedOn != null && t.endedOn.isBefore(t.endsOn) ? t.endedOn : t.endsOn;
        LocalDate end = own.isAfter(statusEnd) ? statusEnd : own;
        LocalDate today = today();
        boolean active = !today.isBefore(t.startsOn) && !today.isAfter(end) && inForce(status, extensions, today);
        return new TniAssistanceResponse(
                t.id,
                t.statusId,
                t.requestedBy,
                t.reason,
                t.units,
                t.tasks,
                t.startsOn,
                t.endsOn,
                t.endedOn,
                t.endReason,
                end,
                active,
                t.version,
                t.createdAt,
                t.updatedAt);
    }
}
