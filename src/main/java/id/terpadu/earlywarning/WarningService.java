package id.terpadu.earlywarning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import id.terpadu.agency.AgencyService;
import id.terpadu.common.changelog.ChangeEntry;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.validation.Constraints;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningInput;
import id.terpadu.earlywarning.WarningDtos.EarlyWarningResponse;
import id.terpadu.earlywarning.WarningDtos.EscalationInput;
import id.terpadu.incident.IncidentDtos.IncidentInput;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.incident.IncidentService;
import id.terpadu.incident.Party;
import id.terpadu.incident.SourceKind;
import id.terpadu.incident.Stage;
import id.terpadu.reference.ReferenceService;
import id.terpadu.region.RegionService;
import id.terpadu.verification.Similar;
import id.terpadu.verification.SimilarConfig;
import id.terpadu.verification.Verification;
import id.terpadu.verification.VerificationDtos.VerificationInput;
import id.terpadu.verification.Verifications;
import id.terpadu.verification.Verified;

/**
 * Early warnings: a region at any level inside the caller's scope, a known category, likelihood and impact that
 * fix the risk level, a classification the caller may read, and a status that moves along {@link WarningStatus}'s
 * table. Escalation creates the incident and closes the warning as ESKALASI in one transaction. Verification moves
 * only through {@link #verify}; whether a warning reaches the public is {@link Publication}'s rule.
 */
@ApplicationScoped
public class WarningService {

    /** Early warnings. */
    @Produces
    public static final RecordType WARNING = RecordType.published("early-warning", EarlyWarning.class);

    private final WarningRepository warnings;
    private final Caller caller;
    private final Clearance clearance;
    private final ChangeLog changeLog;
    private final Records records;
    private final RegionService regions;
    private final AgencyService agencies;
    private final ReferenceService reference;
    private final IncidentService incidents;
    private final PersonalData personalData;
    private final AttachmentCounts counts;
    private final Verifications verifications;
    private final SimilarConfig similarConfig;
    private final MergePatch patches;

    WarningService(
            WarningRepository warnings,
            Caller caller,
            Clearance clearance,
            ChangeLog changeLog,
            Records records,
            RegionService regions,
            AgencyService agencies,
            ReferenceService reference,
            IncidentService incidents,
            PersonalData personalData,
            AttachmentCounts counts,
            Verifications verifications,
            SimilarConfig similarConfig,
            MergePatch patches) {
        this.similarConfig = similarConfig;
        this.patches = patches;
        this.counts = counts;
        this.personalData = personalData;
        this.verifications = verifications;
        this.warnings = warnings;
        this.caller = caller;
        this.clearance = clearance;
        this.changeLog = changeLog;
        this.records = records;
        this.regions = regions;
        this.agencies = agencies;
        this.reference = reference;
        this.incidents = incidents;
    }

    /**
     * A page of the warnings the caller may read (scope and clearance) that match the filters, most recently changed
     * first; {@code located} keeps only those with a point (the GeoJSON form).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EarlyWarningResponse> list(WarningQuery q, boolean located, PageRequest page) {
        Filter filter = filterFor(q);
        if (located) {
            filter.and("e.latitude is not null");
        }
        return counts.countedPage(
                warnings.page(filter, page).<EarlyWarningResponse>map(w -> shown(EarlyWarningResponse.from(w))));
    }

    /**
     * How many warnings per group of the dimensions, over exactly the warnings the caller could list with the same
     * filters (scope and clearance hold); those verified DUPLIKAT are left out unless {@code includeDuplicates}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WarningStatistics.Result statistics(
            WarningQuery q, boolean includeDuplicates, List<WarningStatistics.Dimension> groupBy) {
        Filter filter = filterFor(q);
        if (!includeDuplicates) {
            filter.and("e.verification.state <> :?", Verification.DUPLIKAT);
        }
        String keys = groupBy.isEmpty()
                ? null
                : String.join(
                        ", ",
                        groupBy.stream()
                                .map(WarningStatistics.Dimension::expression)
                                .toList());
        return WarningStatistics.result(groupBy, warnings.grouped(filter, keys, WarningStatistics.MAX_ROWS + 1));
    }

    /** The where-clause of a list or statistics: the caller's scope and clearance, then the filters. */
    private Filter filterFor(WarningQuery q) {
        Filter filter = clearance
                .restrict(caller.scope().restrict(new Filter(), "e.regionCode"), "e.classification")
                .andIf(q.status(), "e.status = :?", q.status())
                .andIf(q.verification(), "e.verification.state = :?", q.verification())
                .andIf(q.riskLevel(), "e.riskLevel = :?", q.riskLevel())
                .andIf(q.classification(), "e.classification = :?", q.classification())
                .andIf(q.from(), "e.observedAt >= :?", q.from())
                .andIf(q.to(), "e.observedAt < :?", q.to());
        if (q.region() != null && !q.region().isBlank()) {
            RegionCode.require(q.region(), "region");
            RegionScope.Columns.of("e.regionCode").within(filter, q.region());
        }
        if (q.category() != null && !q.category().isBlank()) {
            filter.and(
                    "e.categoryCode in :?", reference.requireSubtree("conflict-categories", q.category(), "category"));
        }
        if (q.bbox() != null) {
            filter.and(
                    "function('incident_in_box', e.longitude, e.latitude, :?, :?, :?, :?) = true",
                    q.bbox()[0],
                    q.bbox()[1],
                    q.bbox()[2],
                    q.bbox()[3]);
        }
        if (q.text() != null) {
            filter.and("function('incident_search_match', e.searchVector, :?) = true", q.text());
        }
        return filter;
    }

    /**
     * The warning as the caller may see it: the names of persons among its parties are shown to those who may read
     * the personal data of the source agency's records (the read is then recorded), masked for everyone else.
     */
    private EarlyWarningResponse shown(EarlyWarningResponse warning) {
        return !Party.anyPerson(warning.parties())
                        || personalData.reveal(
                                WARNING.name(), warning.id(), warning.regionCode(), warning.sourceAgencyId())
                ? warning
                : warning.masked();
    }

    /**
     * The warnings that stand as public alerts ({@link Publication}: PUBLIC, current, verified by another person),
     * inside the caller's region scope, most recently changed first, at most {@code limit}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EarlyWarningResponse> currentPublic(int limit) {
        Filter filter = clearance
                .restrict(caller.scope().restrict(new Filter(), "e.regionCode"), "e.classification")
                .and(Publication.CURRENT)
                .and("(e.expiresAt is null or e.expiresAt > :?)", Instant.now());
        return warnings.page(filter, new PageRequest(limit, null)).items().stream()
                .map(w -> EarlyWarningResponse.from(w).masked())
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EarlyWarningResponse get(UUID id) {
        return counts.counted(shown(EarlyWarningResponse.from(warnings.visible(id))));
    }

    /**
     * The early warnings most likely to concern the same event as this one ({@link Similar}), best first; 404 when
     * the caller may not read it, and only warnings the caller may read among the candidates. A warning's time is
     * when it was raised.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Similar.Answer similar(UUID id, int limit) {
        EarlyWarning warning = warnings.visible(id);
        Similar.Probe probe = Similar.Probe.of(
                warning.id,
                warning.title,
                warning.description,
                warning.regionCode,
                warning.categoryCode,
                reference.family("conflict-categories", warning.categoryCode),
                warning.createdAt);
        return new Similar.Answer(similarConfig.windowHours(), similarTo(probe, limit));
    }

    /** The warnings the caller may read most like a record of another type (a community report), best first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Similar.Candidate> similarTo(Similar.Probe probe, int limit) {
        return warnings.similar(probe, similarConfig.windowHours(), limit);
    }

    /** The warning for a public alert, which never carries names: persons among the parties masked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EarlyWarningResponse alert(UUID id) {
        return EarlyWarningResponse.from(warnings.visible(id)).masked();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        warnings.visible(id);
        return changeLog.history(WARNING, id, page);
    }

    @Transactional
    public EarlyWarningResponse create(EarlyWarningInput input) {
        return create(input, null);
    }

    /**
     * Creates a record whose verification is given ({@link Verifications#judged}: a community report accepted in
     * triage) instead of starting by its source's rule.
     */
    @Transactional
    public EarlyWarningResponse create(EarlyWarningInput input, Verified verification) {
        EarlyWarning warning = new EarlyWarning();
        warning.id = records.newId(EarlyWarning.class, input.id());
        WarningStatus first = input.status() == null ? WarningStatus.TERIDENTIFIKASI : input.status();
        if (first == WarningStatus.ESKALASI) {
            throw ProblemException.invalid("status", Message.of("warning.status.escalate-only"));
        }
        warning.status = first;
        apply(warning, input, true);
        warning.verification = verification != null ? verification : verifications.initial(warning.sourceKind);
        return counts.counted(shown(records.created(
                warning, WARNING, warning.regionCode, EarlyWarningResponse::from, EarlyWarningResponse::masked)));
    }

    /**
     * Creates a warning the service raises on its own (a rise of the regional risk index, source INDEKS_RISIKO): the
     * caller's region scope and clearance do not apply, the other rules do. It starts unverified, so a person checks
     * it like any report.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EarlyWarningResponse raise(EarlyWarningInput input) {
        EarlyWarning warning = new EarlyWarning();
        warning.id = records.newId(EarlyWarning.class, input.id());
        warning.status = WarningStatus.TERIDENTIFIKASI;
        apply(warning, input, false);
        warning.verification = verifications.initial(warning.sourceKind);
        return counts.counted(records.created(
                warning, WARNING, warning.regionCode, EarlyWarningResponse::from, EarlyWarningResponse::masked));
    }

    @Transactional
    public EarlyWarningResponse replace(UUID id, Long expectedVersion, EarlyWarningInput input) {
        EarlyWarning warning = warnings.writable(id);
        Records.checkReplace(warning, input.id(), expectedVersion);
        WarningStatus status = warning.status;
        if (input.status() != null && input.status() != warning.status) {
            if (input.status() == WarningStatus.ESKALASI) {
                // escalation is its own operation, which creates the incident
                throw WarningStatus.TABLE.refused(
                        warning.status, Message.of("warning.transition.escalate", "from", warning.status));
            }
            WarningStatus from = warning.status;
            WarningStatus.TABLE.require(
                    from,
                    input.status(),
                    () -> Message.of("warning.transition.refused", "from", from, "to", input.status()));
            status = input.status();
        }
        List<Object> before = substance(warning);
        apply(warning, input, true);
        // Only after apply(): its checks run queries, which would flush an earlier change as a version of its own.
        warning.status = status;
        if (warning.verification.state == Verification.TERVERIFIKASI
                && !substance(warning).equals(before)) {
            // What the warning says changed: whoever changed it now vouches for it, so that an edit by the author
            // after another person verified it needs a new confirmation before it is public again.
            verifications.vouch(warning.verification);
        }
        return counts.counted(shown(records.updated(
                warning, WARNING, warning.regionCode, EarlyWarningResponse::from, EarlyWarningResponse::masked)));
    }

    /** What a merge patch of a warning needs: the change log keeps the names among its parties masked. */
    static final MergePatch.Target<EarlyWarningInput> PATCHED =
            MergePatch.target(WARNING, EarlyWarningInput.class).unlogged("parties");

    /** A merge patch (RFC 7396): the warning as its PUT body, patched, then {@link #replace} with its rules. */
    @Transactional
    public EarlyWarningResponse patch(UUID id, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED,
                patch,
                expectedVersion,
                () -> EarlyWarningResponse.from(warnings.writable(id)),
                (version, input) -> replace(id, version, input));
    }

    private void apply(EarlyWarning warning, EarlyWarningInput input, boolean byCaller) {
        String region = input.regionCode().trim();
        if (byCaller) {
            caller.scope().requireWritable(region, "regionCode");
            SourceKind.requireSettable(input.sourceKind(), warning.sourceKind);
        }
        regions.requireExisting(region, "regionCode");
        reference.requireCode("conflict-categories", input.categoryCode(), "categoryCode");
        if (byCaller) {
            clearance.requireWritable(input.classification());
        }
        if (input.sourceAgencyId() != null) {
            agencies.referenced(input.sourceAgencyId(), "sourceAgencyId");
        }
        warning.regionCode = region;
        warning.categoryCode = input.categoryCode();
        warning.title = input.title().trim();
        warning.description = input.description();
        warning.parties = input.parties() == null ? new ArrayList<>() : new ArrayList<>(input.parties());
        warning.indicators = input.indicators() == null ? new ArrayList<>() : new ArrayList<>(input.indicators());
        warning.likelihood = input.likelihood().shortValue();
        warning.impact = input.impact().shortValue();
        warning.riskLevel = RiskLevel.of(input.likelihood(), input.impact());
        warning.sourceAgencyId = input.sourceAgencyId();
        warning.sourceKind = input.sourceKind();
        warning.classification = input.classification();
        warning.recommendedActions = input.recommendedActions();
        placeAndTime(warning, input);
    }

    /** The earliest time a warning may say its sign was observed. */
    static final Instant OBSERVED_MIN = Constraints.EARLIEST;
    /** How far ahead of the server's clock a reporter's clock may be, in the message's minutes. */
    static final long CLOCK_SKEW_MINUTES = Constraints.CLOCK_AHEAD.toMinutes();

    /**
     * Where and when: the point (bounds checked by its constraints), the time observed (none: when the warning was
     * raised; not before 2000, not ahead of the server's clock by more than the skew), the day or period it concerns
     * (a period needs its first day and runs forward) and its expiry (after the observation).
     */
    private void placeAndTime(EarlyWarning warning, EarlyWarningInput input) {
        Instant observed = input.observedAt() == null
                ? (warning.createdAt == null ? Instant.now() : warning.createdAt)
                : input.observedAt();
        observed = observed.truncatedTo(ChronoUnit.MICROS);
        if (input.observedAt() != null) {
            if (observed.isAfter(Instant.now().plus(Constraints.CLOCK_AHEAD))) {
                throw ProblemException.invalid(
                        "observedAt", Message.of("warning.observed-at.future", "minutes", CLOCK_SKEW_MINUTES));
            }
            if (observed.isBefore(OBSERVED_MIN)) {
                throw ProblemException.invalid(
                        "observedAt", Message.of("warning.observed-at.before", "min", OBSERVED_MIN));
            }
        }
        if (input.concernsUntil() != null) {
            if (input.concernsFrom() == null) {
                throw ProblemException.invalid("concernsUntil", Message.of("warning.concerns-until.alone"));
            }
            if (input.concernsUntil().isBefore(input.concernsFrom())) {
                throw ProblemException.invalid("concernsUntil", Message.of("warning.concerns-until.before"));
            }
        }
        if (input.expiresAt() != null && !input.expiresAt().isAfter(observed)) {
            throw ProblemException.invalid(
                    "expiresAt", Message.of("warning.expires-at.before", "observedAt", observed));
        }
        warning.latitude = input.point() == null ? null : input.point().lat();
        warning.longitude = input.point() == null ? null : input.point().lon();
        warning.observedAt = observed;
        warning.concernsFrom = input.concernsFrom();
        warning.concernsUntil = input.concernsUntil();
        warning.expiresAt = input.expiresAt() == null ? null : input.expiresAt().truncatedTo(ChronoUnit.MICROS);
    }

    /** What a warning says, as opposed to where its handling stands: a change of it lapses a verification. */
    private static List<Object> substance(EarlyWarning w) {
        return java.util.Arrays.asList(
                w.regionCode,
                w.categoryCode,
                w.title,
                w.description,
                w.parties == null ? List.of() : List.copyOf(w.parties),
                w.indicators == null ? List.of() : List.copyOf(w.indicators),
                w.likelihood,
                w.impact,
                w.sourceAgencyId,
                w.sourceKind,
                w.classification,
                w.recommendedActions,
                w.latitude,
                w.longitude,
                w.observedAt,
                w.concernsFrom,
                w.concernsUntil,
                w.expiresAt);
    }

    /**
     * Verifies the warning: by someone other than its author (403), along {@link Verification#TABLE} (409 naming
     * the allowed states), with a note or the duplicated warning where its state needs one (400), at the version the
     * caller read (If-Match, 412). A refusal changes nothing.
     */
    @Transactional
    public EarlyWarningResponse verify(UUID id, Long expectedVersion, VerificationInput input) {
        EarlyWarning warning = warnings.writable(id);
        ETags.check(expectedVersion, warning.version);
        verifications.check(warning.verification, warning.createdBy, input);
        if (input.duplicateOf() != null) {
            Verifications.requireNotSelf(id, input.duplicateOf());
            EarlyWarning original = Records.referenced(() -> warnings.visible(input.duplicateOf()), "duplicateOf");
            if (original.verification.state == Verification.DUPLIKAT) {
                throw ProblemException.invalid(
                        "duplicateOf", Message.of("verification.duplicate-of.chain", "original", original.duplicateOf));
            }
        }
        verifications.apply(warning.verification, input);
        warning.duplicateOf = input.duplicateOf();
        return counts.counted(shown(records.updated(
                warning, WARNING, warning.regionCode, EarlyWarningResponse::from, EarlyWarningResponse::masked)));
    }

    /**
     * Erases a warning that was never issued (CAP 1.2: a message once sent is not withdrawn but cancelled by a
     * {@code Cancel} that references it): only a PUBLIC warning none of whose versions was ever published, i.e. whose
     * every CAP rendering was a Draft sent to nobody. Any other (a RESTRICTED or CONFIDENTIAL warning is an Actual
     * message to the teams from its first version) is a 409 that names the ways to cancel it: status REDA, or a
     * verification as TIDAK_VALID or DUPLIKAT. The change log keeps a tombstone; tasks and links go with it.
     */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        EarlyWarning warning = warnings.writable(id);
        ETags.check(expectedVersion, warning.version);
        boolean issued =
                CapAlerts.Version.of(EarlyWarningResponse.from(warning)).releasable();
        String cursor = null;
        while (!issued) {
            Page<ChangeEntry> page =
                    changeLog.history(WARNING, id, PageRequest.of(Integer.toString(PageRequest.MAX_LIMIT), cursor));
            for (ChangeEntry change : page.items()) {
                issued |= CapAlerts.Version.of(change.snapshot()).releasable();
            }
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        if (issued || warning.status == WarningStatus.ESKALASI) {
            throw ProblemException.conflict(Message.of("warning.delete.issued", "id", id));
        }
        if (warnings.isDuplicated(id)) {
            throw ProblemException.conflict(Message.of("warning.delete.duplicated", "id", id));
        }
        records.deleted(warning, WARNING, warning.regionCode);
    }

    /** Creates the incident the warning grew into, links both, and closes the warning as ESKALASI. */
    @Transactional
    public IncidentResponse escalate(UUID id, EscalationInput input) {
        EarlyWarning warning = warnings.writable(id);
        if (warning.status == WarningStatus.ESKALASI) {
            throw ProblemException.conflict(Message.of("warning.escalated", "incident", warning.escalatedIncidentId));
        }
        String region = input.regionCode() == null || input.regionCode().isBlank()
                ? warning.regionCode
                : input.regionCode().trim();
        if (!RegionCode.within(region, warning.regionCode) && !RegionCode.within(warning.regionCode, region)) {
            throw ProblemException.invalid(
                    "regionCode", Message.of("warning.escalate.region", "region", warning.regionCode));
        }
        IncidentResponse incident = incidents.create(new IncidentInput(
                input.incidentId(),
                input.title() == null || input.title().isBlank() ? warning.title : input.title(),
                input.description() == null ? warning.description : input.description(),
                warning.categoryCode,
                region,
                null,
                null,
                null,
                null,
                input.occurredFrom(),
                null,
                warning.sourceKind,
                "early-warning:" + warning.id,
                input.severity(),
                warning.classification,
                warning.parties,
                null,
                null,
                null,
                input.stage() == null ? Stage.PENGHENTIAN : input.stage(),
                null));
        warnings.linkIncident(warning.id, incident.id());
        warning.status = WarningStatus.ESKALASI;
        warning.escalatedIncidentId = incident.id();
        records.updated(warning, WARNING, warning.regionCode, EarlyWarningResponse::from, EarlyWarningResponse::masked);
        return incident;
    }
}
