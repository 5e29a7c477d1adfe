package id.terpadu.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.http.ETags;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.validation.Constraints;
import id.terpadu.conflictstatus.ConflictStatus;
import id.terpadu.conflictstatus.ConflictStatusRepository;
import id.terpadu.incident.IncidentDtos.ActivityInput;
import id.terpadu.incident.IncidentDtos.ActivityResponse;
import id.terpadu.incident.IncidentDtos.IncidentInput;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.incident.IncidentDtos.StageTransitionInput;
import id.terpadu.incident.IncidentDtos.StageTransitionResponse;
import id.terpadu.reference.ReferenceService;
import id.terpadu.region.RegionService;
import id.terpadu.verification.Similar;
import id.terpadu.verification.SimilarConfig;
import id.terpadu.verification.Verification;
import id.terpadu.verification.VerificationDtos.VerificationInput;
import id.terpadu.verification.Verifications;
import id.terpadu.verification.Verified;

/**
 * Incidents, their stage transitions and activities. Rules: an incident lies in a kabupaten/kota or finer, inside
 * the caller's scope, with a known category; the caller may only classify what it may read; the stage moves only
 * along {@link Stage}'s table; an activity's type belongs to the stage the incident was in when it happened.
 */
@ApplicationScoped
public class IncidentService {

    /** Incidents; a lead agency or an incident others duplicate cannot be deleted. */
    @Produces
    public static final RecordType INCIDENT = RecordType.published("incident", Incident.class)
            .constraint("incident_lead_agency_id_fkey", Message.of("agency.leads-incidents"))
            .constraint("incident_duplicate_of_fkey", Message.of("incident.has-duplicates"));
    /** Activities, classified as their incident. */
    @Produces
    public static final RecordType ACTIVITY = RecordType.published("incident-activity", Activity.class)
            .classifiedAs("incident", "incidentId")
            .constraint("incident_activity_agency_id_fkey", Message.of("agency.has-activities"));

    /** How far ahead of the service's clock a client's time of a move or an activity may lie and count as now. */
    static final Duration CLOCK_AHEAD = Constraints.CLOCK_AHEAD;

    static final String CATEGORIES = "conflict-categories";
    static final String ACTIVITY_TYPES = "activity-types";
    private static final Map<IncidentQuery.Order, List<SortKey>> ORDERS = Map.of(
            IncidentQuery.Order.OCCURRED_AT, List.of(SortKey.instantDesc("e.occurredFrom"), SortKey.uuidDesc("e.id")),
            IncidentQuery.Order.UPDATED_AT, List.of(SortKey.instantDesc("e.updatedAt"), SortKey.uuidDesc("e.id")));
    /** An incident's region columns: its province and kabupaten/kota are stored and indexed in list order. */
    static final RegionScope.Columns REGION =
            new RegionScope.Columns("e.regionCode", "e.provinceCode", "e.kabkotaCode", false);

    private final IncidentRepository incidents;
    private final Caller caller;
    private final Clearance clearance;
    private final ChangeLog changeLog;
    private final Records records;
    private final RegionService regions;
    private final AgencyService agencies;
    private final ReferenceService reference;
    private final ConflictStatusRepository statuses;
    private final IncidentViews views;
    private final PersonalData personalData;
    private final AttachmentCounts counts;
    private final Verifications verifications;
    private final SimilarConfig similarConfig;
    private final MergePatch patches;
    private final jakarta.enterprise.event.Event<IncidentClosed> closed;

    IncidentService(
            IncidentRepository incidents,
            Caller caller,
            Clearance clearance,
            ChangeLog changeLog,
            Records records,
            RegionService regions,
            AgencyService agencies,
            ReferenceService reference,
            ConflictStatusRepository statuses,
            IncidentViews views,
            PersonalData personalData,
            AttachmentCounts counts,
            Verifications verifications,
            SimilarConfig similarConfig,
            MergePatch patches,
            jakarta.enterprise.event.Event<IncidentClosed> closed) {
        this.closed = closed;
        this.similarConfig = similarConfig;
        this.patches = patches;
        this.counts = counts;
        this.personalData = personalData;
        this.verifications = verifications;
        this.statuses = statuses;
        this.views = views;
        this.incidents = incidents;
        this.caller = caller;
        this.clearance = clearance;
        this.changeLog = changeLog;
        this.records = records;
        this.regions = regions;
        this.agencies = agencies;
        this.reference = reference;
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncidentResponse> list(IncidentQuery q, PageRequest page) {
        Filter filter = filterFor(q);
        List<SortKey> order = ORDERS.get(q.order());
        return counts.countedPage(incidents
                .views(
                        filter,
                        order,
                        page,
                        i -> List.of(
                                (q.order() == IncidentQuery.Order.UPDATED_AT ? i.updatedAt() : i.occurredFrom())
                                        .toString(),
                                i.id().toString()))
                .map(this::shown));
    }

    /**
     * The incident as the caller may see it: the names of persons among its parties are shown to those who may read
     * the personal data of the lead agency's records (the read is then recorded), masked for everyone else.
     */
    IncidentResponse shown(IncidentResponse incident) {
        return !Party.anyPerson(incident.parties())
                        || personalData.reveal(
                                INCIDENT.name(), incident.id(), incident.regionCode(), incident.leadAgencyId())
                ? incident
                : incident.masked();
    }

    /** A kabupaten/kota with incidents near a point: how many, and how far the nearest lies. */
    public record NearbyRegency(String regionCode, int incidents, double nearestKm) {}

    /**
     * The kabupaten/kota of the incidents the caller may read (scope and clearance) recorded within {@code km} of a
     * point, nearest first: a distance on the local plane (good to a few metres at these radii), inside a box that the
     * index on the point narrows first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<NearbyRegency> nearbyRegencies(double lat, double lon, double km, int max) {
        double kmPerDegree = 111.2;
        double lonScale = Math.cos(Math.toRadians(lat));
        double dLat = km / kmPerDegree;
        double dLon = km / (kmPerDegree * lonScale);
        Filter filter = clearance
                .restrict(caller.scope().restrict(new Filter(), REGION), "e.classification")
                .and(
                        "e.kabkotaCode is not null and e.latitude between :? and :? and e.longitude between :? and :?",
                        lat - dLat,
                        lat + dLat,
                        lon - dLon,
                        lon + dLon);
        return incidents.nearbyRegencies(filter, lat, lon, kmPerDegree, kmPerDegree * lonScale, km, max).stream()
                .map(r -> new NearbyRegency(
                        (String) r[0],
                        ((Number) r[1]).intValue(),
                        Math.round(((Number) r[2]).doubleValue() * 100) / 100.0))
                .toList();
    }

    /** The where-clause of a list, statistics or export: the caller's scope and clearance, then the filters. */
    Filter filterFor(IncidentQuery q) {
        Filter filter = clearance.restrict(caller.scope().restrict(new Filter(), REGION), "e.classification");
        if (q.region() != null) {
            RegionCode.require(q.region(), "region");
            REGION.within(filter, q.region());
        }
        if (q.category() != null) {
            filter.and("e.categoryCode in :?", reference.requireSubtree(CATEGORIES, q.category(), "category"));
        }
        filter.andIf(q.stage(), "e.stage = :?", q.stage())
                .andIf(
                        q.severityMin(),
                        "e.severity >= :?",
                        q.severityMin() == null ? null : q.severityMin().shortValue())
                .andIf(
                        q.severityMax(),
                        "e.severity <= :?",
                        q.severityMax() == null ? null : q.severityMax().shortValue())
                .andIf(q.from(), "e.occurredFrom >= :?", q.from())
                .andIf(q.to(), "e.occurredFrom < :?", q.to())
                .andIf(q.leadAgencyId(), "e.leadAgencyId = :?", q.leadAgencyId())
                .andIf(q.classification(), "e.classification = :?", q.classification())
                .andIf(q.verification(), "e.verification.state = :?", q.verification());
        if (q.duplicates() == IncidentQuery.Duplicates.EXCLUDE) {
            filter.and("e.verification.state <> :?", Verification.DUPLIKAT);
        } else if (q.duplicates() == IncidentQuery.Duplicates.ONLY) {
            filter.and("e.verification.state = :?", Verification.DUPLIKAT);
        }
        if (q.bbox() != null) {
            filter.and(
                    "function('incident_in_box', e.longitude, e.latitude, :?, :?, :?, :?) = true",
                    q.bbox()[0],
                    q.bbox()[1],
                    q.bbox()[2],
                    q.bbox()[3]);
        }
        if (q.text() != null && !q.text().isBlank()) {
            filter.and(
                    "function('incident_search_match', e.searchVector, :?) = true",
                    q.text().trim());
        }
        return filter;
    }

    /**
     * Counts and impact sums grouped by the given dimensions, over exactly the incidents the caller could list with
     * the same filters. A sum counts only reported values; where none was reported it is null, never 0.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics.Result statistics(IncidentQuery q, List<Statistics.Dimension> groupBy) {
        Filter filter = filterFor(q);
        var cubed = StatisticsPlan.of(
                q,
                groupBy,
                caller.scope().codes(),
                clearance.readable(),
                q.category() == null ? null : reference.requireSubtree(CATEGORIES, q.category(), "category"),
                Statistics.MAX_ROWS + 1);
        if (cubed.isPresent()) {
            return Statistics.result(groupBy, incidents.cubed(cubed.get()));
        }
        String keys = groupBy.stream()
                .map(Statistics.Dimension::expression)
                .reduce((a, b) -> a + ", " + b)
                .orElse(null);
        return Statistics.result(groupBy, incidents.grouped(filter, keys, Statistics.METRICS, Statistics.MAX_ROWS + 1));
    }

    /**
     * The share of conflicts resolved per region ({@code level} province or kabkota) and year: the incidents the caller
     * could list that occurred (WIB) in that year, leaving out those verified TIDAK_VALID or DUPLIKAT, and how many of
     * them are now resolved, that is in PEMULIHAN (the violence was stopped, UU 7/2012 Bab IV, and recovery is under
     * way) or SELESAI (closed). Every current region of the level in the caller's scope and {@code region} has a row
     * for each year (the year asked, or each year with incidents), with a share of null where none was recorded.
     * Counted from the cubes that keep year, region and stage (V38) like the other statistics; by the scan when the
     * caller's scope or {@code region} lies below a kabupaten/kota.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics.Resolution resolution(String level, Integer year, String region) {
        int length = Statistics.RESOLUTION_LEVELS.get(level);
        IncidentQuery q = new IncidentQuery(
                region,
                null,
                null,
                null,
                null,
                year == null ? null : yearStart(year),
                year == null ? null : yearStart(year + 1),
                null,
                null,
                null,
                null,
                null,
                IncidentQuery.Duplicates.EXCLUDE,
                IncidentQuery.Order.OCCURRED_AT);
        Filter filter = filterFor(q).and("e.verification.state not in :?", Statistics.RESOLUTION_LEFT_OUT);
        var cubed = StatisticsPlan.of(
                q,
                List.of(
                        length == 2 ? Statistics.Dimension.PROVINCE : Statistics.Dimension.KABKOTA,
                        Statistics.Dimension.YEAR),
                caller.scope().codes(),
                clearance.readable(),
                null,
                StatisticsPlan.Measures.RESOLUTION,
                Integer.MAX_VALUE);
        Map<String, Map<Integer, long[]>> counted = new java.util.TreeMap<>();
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        for (Object[] row : cubed.isPresent() ? incidents.cubed(cubed.get()) : incidents.resolution(filter, length)) {
            int y = Integer.parseInt((String) row[1]);
            years.add(y);
            counted.computeIfAbsent((String) row[0], r -> new java.util.HashMap<>())
                    .put(y, new long[] {
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue()
                    });
        }
        if (year != null) {
            years.add(year);
        }
        Map<String, String> names =
                new java.util.TreeMap<>(regions.current(length, caller.scope(), region, Statistics.MAX_ROWS + 1));
        names.putAll(regions.names(counted.keySet().stream()
                .filter(code -> !names.containsKey(code))
                .toList()));
        counted.keySet().forEach(code -> names.putIfAbsent(code, null));
        List<Statistics.ResolutionRow> rows = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<String, String> r : names.entrySet()) {
            for (int y : years) {
                if (rows.size() == Statistics.MAX_ROWS) {
                    truncated = true;
                    break;
                }
                long[] n = counted.getOrDefault(r.getKey(), Map.of()).getOrDefault(y, new long[3]);
                long resolved = n[1] + n[2];
                rows.add(new Statistics.ResolutionRow(
                        r.getKey(),
                        r.getValue(),
                        y,
                        n[0],
                        n[1],
                        n[2],
                        resolved,
                        n[0] == 0 ? null : Math.round(resolved * 10_000.0 / n[0]) / 10_000.0));
            }
        }
        return new Statistics.Resolution(level, rows, truncated);
    }

    /** The first instant of a WIB year. */
    private static Instant yearStart(int year) {
        return java.time.LocalDate.of(year, 1, 1)
                .atStartOfDay(StatisticsPlan.WIB)
                .toInstant();
    }

    /** The incident as the API shows it, read in one statement without loading the entity. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentResponse get(UUID id) {
        return counts.counted(shown(incidents.visible(
                id,
                id == null ? null : views.byId(id),
                IncidentResponse::regionCode,
                IncidentResponse::classification)));
    }

    /** The incident's links; duplicates are filtered like a list (scope and clearance), and bounded. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentDtos.Links links(UUID id) {
        Incident incident = incidents.visible(id);
        List<UUID> warnings = incidents.warningIds(id);
        Filter filter = filterFor(new IncidentQuery(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        IncidentQuery.Duplicates.INCLUDE,
                        IncidentQuery.Order.OCCURRED_AT))
                .and("e.duplicateOf = :?", id);
        List<UUID> duplicates = incidents.ids(filter, PageRequest.MAX_LIMIT);
        return new IncidentDtos.Links(warnings, incident.duplicateOf, duplicates, incident.conflictStatusId);
    }

    /**
     * The incidents most likely to report the same event as this one ({@link Similar}), best first; 404 when the
     * caller may not read it, and only incidents the caller may read among the candidates.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Similar.Answer similar(UUID id, int limit) {
        Incident incident = incidents.visible(id);
        Similar.Probe probe = Similar.Probe.of(
                incident.id,
                incident.title,
                incident.description,
                incident.regionCode,
                incident.categoryCode,
                reference.family(CATEGORIES, incident.categoryCode),
                incident.occurredFrom);
        return new Similar.Answer(similarConfig.windowHours(), similarTo(probe, limit));
    }

    /** The incidents the caller may read most like a record of another type (a community report), best first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Similar.Candidate> similarTo(Similar.Probe probe, int limit) {
        return incidents.similar(probe, similarConfig.windowHours(), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        incidents.visible(id);
        return changeLog.history(INCIDENT, id, page);
    }

    // ---- writing --------------------------------------------------------------------------------------------

    @Transactional
    public IncidentResponse create(IncidentInput input) {
        return create(input, null);
    }

    /**
     * Creates a record whose verification is given ({@link Verifications#judged}: a community report accepted in
     * triage) instead of starting by its source's rule.
     */
    @Transactional
    public IncidentResponse create(IncidentInput input, Verified verification) {
        Incident incident = new Incident();
        incident.id = records.newId(Incident.class, input.id());
        Stage first = input.stage() == null ? Stage.PENCEGAHAN : input.stage();
        if (first == Stage.SELESAI) {
            throw ProblemException.invalid(
                    "stage",
                    Message.of("incident.stage.created-closed"),
                    List.of(Stage.PENCEGAHAN.name(), Stage.PENGHENTIAN.name(), Stage.PEMULIHAN.name()));
        }
        incident.stage = first;
        apply(incident, input);
        incident.verification = verification != null ? verification : verifications.initial(incident.sourceKind);
        return counts.counted(shown(records.created(
                incident, INCIDENT, incident.regionCode, IncidentResponse::from, IncidentResponse::masked)));
    }

    @Transactional
    public IncidentResponse replace(UUID id, Long expectedVersion, IncidentInput input) {
        Incident incident = incidents.writable(id);
        Records.checkReplace(incident, input.id(), expectedVersion);
        if (incident.stage == Stage.SELESAI) {
            // closed is final, as a verified report or an imposed sanction: a change goes through a reopening's reason
            throw ProblemException.conflict(Message.of("incident.closed.edit", "id", id));
        }
        if (input.stage() != null && input.stage() != incident.stage) {
            // the stage moves only by a stage transition
            throw Stage.TABLE.refused(
                    incident.stage, Message.of("incident.stage.replace", "stage", incident.stage, "id", id));
        }
        apply(incident, input);
        return counts.counted(shown(records.updated(
                incident, INCIDENT, incident.regionCode, IncidentResponse::from, IncidentResponse::masked)));
    }

    /** What a merge patch of an incident needs: the change log keeps the names among its parties masked. */
    static final MergePatch.Target<IncidentInput> PATCHED =
            MergePatch.target(INCIDENT, IncidentInput.class).unlogged("parties");

    /** A merge patch (RFC 7396): the incident as its PUT body, patched, then {@link #replace} with its rules. */
    @Transactional
    public IncidentResponse patch(UUID id, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED,
                patch,
                expectedVersion,
                () -> IncidentResponse.from(incidents.writable(id)),
                (version, input) -> replace(id, version, input));
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Incident incident = incidents.writable(id);
        ETags.check(expectedVersion, incident.version);
        if (incident.stage == Stage.SELESAI) {
            // a closed incident is final, with its stage history: a record entered by mistake is reopened first
            throw ProblemException.conflict(Message.of("incident.closed.delete", "id", id));
        }
        if (incidents.hasDuplicates(id)) {
            throw ProblemException.conflict(Message.of("incident.has-duplicates"));
        }
        records.deleted(incident, INCIDENT, incident.regionCode);
    }

    private void apply(Incident incident, IncidentInput input) {
        String region = input.regionCode().trim();
        caller.scope().requireWritable(region, "regionCode");
        regions.requireExisting(region, "regionCode");
        RegionLevel level = RegionCode.level(region);
        if (level == RegionLevel.PROVINSI) {
            throw ProblemException.invalid("regionCode", Message.of("incident.region-code.province"));
        }
        reference.requireCode(CATEGORIES, input.categoryCode(), "categoryCode");
        clearance.requireWritable(input.classification());
        if (input.occurredTo() != null && input.occurredTo().isBefore(input.occurredFrom())) {
            throw ProblemException.invalid("occurredTo", Message.of("incident.occurred-to.before"));
        }
        Instant now = Instant.now();
        // the bounds judge a time the request sets: an incident recorded before they held keeps its time through an
        // edit of its other fields
        boolean setsTime = incident.occurredFrom == null
                || !incident.occurredFrom.equals(input.occurredFrom().truncatedTo(ChronoUnit.MICROS));
        if (setsTime && input.occurredFrom().isAfter(now.plus(CLOCK_AHEAD))) {
            // a phone sending its local time (WIB) marked Z is seven hours ahead: refused, not kept as a future event
            throw ProblemException.invalid("occurredFrom", Message.of("incident.occurred-from.future"));
        }
        if (setsTime && input.occurredFrom().isBefore(Constraints.EARLIEST)) {
            throw ProblemException.invalid(
                    "occurredFrom", Message.of("incident.occurred-from.before", "min", Constraints.EARLIEST));
        }
        if (input.leadAgencyId() != null) {
            agencies.referenced(input.leadAgencyId(), "leadAgencyId");
        }
        if (input.conflictStatusId() != null) {
            ConflictStatus status;
            try {
                status = statuses.visible(input.conflictStatusId());
            } catch (ProblemException e) {
                throw ProblemException.invalid("conflictStatusId", e.detail());
            }
            if (status.regionCode != null && !RegionCode.within(region, status.regionCode)) {
                throw ProblemException.invalid(
                        "conflictStatusId",
                        Message.of(
                                "incident.conflict-status.region",
                                "statusRegion",
                                status.regionCode,
                                "region",
                                region));
            }
        }
        if (incident.verification.state == Verification.DUPLIKAT
                && !java.util.Objects.equals(input.duplicateOf(), incident.duplicateOf)) {
            throw ProblemException.invalid(
                    "duplicateOf",
                    Message.of("incident.duplicate-of.verified", "original", incident.duplicateOf, "id", incident.id));
        }
        if (input.duplicateOf() != null) {
            if (input.duplicateOf().equals(incident.id)) {
                throw ProblemException.invalid("duplicateOf", Message.of("incident.duplicate-of.self"));
            }
            try {
                Incident original = incidents.visible(input.duplicateOf());
                if (original.duplicateOf != null) {
                    throw ProblemException.invalid(
                            "duplicateOf", Message.of("incident.duplicate-of.chain", "original", original.duplicateOf));
                }
            } catch (ProblemException e) {
                if (e.type() == ProblemType.NOT_FOUND) {
                    throw ProblemException.invalid("duplicateOf", e.detail());
                }
                throw e;
            }
        }
        incident.title = input.title().trim();
        incident.description = input.description();
        incident.categoryCode = input.categoryCode();
        incident.regionCode = region;
        incident.latitude = input.point() == null ? null : input.point().lat();
        incident.longitude = input.point() == null ? null : input.point().lon();
        incident.locationText = input.locationText();
        incident.geoPrecision =
                input.geoPrecision() == null ? null : input.geoPrecision().shortValue();
        incident.timePrecision =
                input.timePrecision() == null ? null : input.timePrecision().shortValue();
        // up to CLOCK_AHEAD ahead counts as now, as an activity's time does
        incident.occurredFrom =
                (input.occurredFrom().isAfter(now) ? now : input.occurredFrom()).truncatedTo(ChronoUnit.MICROS);
        incident.occurredTo =
                input.occurredTo() == null ? null : input.occurredTo().truncatedTo(ChronoUnit.MICROS);
        incident.sourceKind = input.sourceKind();
        incident.sourceReference = input.sourceReference();
        incident.severity = input.severity().shortValue();
        incident.classification = input.classification();
        incident.parties = input.parties() == null ? new ArrayList<>() : new ArrayList<>(input.parties());
        var impact = input.impact();
        incident.killed = impact == null ? null : impact.killed();
        incident.injured = impact == null ? null : impact.injured();
        incident.sexualViolence = impact == null ? null : impact.sexualViolence();
        incident.buildingsDamaged = impact == null ? null : impact.buildingsDamaged();
        incident.displaced = impact == null ? null : impact.displaced();
        incident.vulnerableGroups = impact == null || impact.vulnerableGroups() == null
                ? new ArrayList<>()
                : impact.vulnerableGroups().stream().sorted().toList();
        incident.leadAgencyId = input.leadAgencyId();
        incident.duplicateOf = input.duplicateOf();
        incident.conflictStatusId = input.conflictStatusId();
    }

    // ---- verification ---------------------------------------------------------------------------------------

    /**
     * Verifies the incident: by someone other than its author (403), along {@link Verification#TABLE} (409 naming
     * the allowed states), with a note or the duplicated incident where its state needs one (400), at the version the
     * caller read (If-Match, 412). DUPLIKAT sets the incident's {@code duplicateOf}; a later verification of a DUPLIKAT
     * as anything else clears it. A refusal changes nothing.
     */
    @Transactional
    public IncidentResponse verify(UUID id, Long expectedVersion, VerificationInput input) {
        Incident incident = incidents.writable(id);
        ETags.check(expectedVersion, incident.version);
        verifications.check(incident.verification, incident.createdBy, input);
        if (input.duplicateOf() != null) {
            Verifications.requireNotSelf(id, input.duplicateOf());
            Incident original = Records.referenced(() -> incidents.visible(input.duplicateOf()), "duplicateOf");
            if (original.duplicateOf != null) {
                throw ProblemException.invalid(
                        "duplicateOf", Message.of("verification.duplicate-of.chain", "original", original.duplicateOf));
            }
        }
        boolean wasDuplicate = incident.verification.state == Verification.DUPLIKAT;
        verifications.apply(incident.verification, input);
        if (input.state() == Verification.DUPLIKAT) {
            incident.duplicateOf = input.duplicateOf();
        } else if (wasDuplicate) {
            incident.duplicateOf = null;
        }
        return counts.counted(shown(records.updated(
                incident, INCIDENT, incident.regionCode, IncidentResponse::from, IncidentResponse::masked)));
    }

    // ---- stages ---------------------------------------------------------------------------------------------

    /** Moves the incident along the stage table; a forbidden move is a 409 naming the allowed ones. */
    @Transactional
    public IncidentResponse transition(UUID id, Long expectedVersion, StageTransitionInput input) {
        Incident incident = incidents.writable(id);
        ETags.check(expectedVersion, incident.version);
        incidents.lockForMove(incident);
        Stage.TABLE.require(
                incident.stage,
                input.to(),
                () -> Stage.TABLE.isFinal(incident.stage)
                        ? Message.of("incident.transition.closed", "from", incident.stage, "to", input.to())
                        : Message.of(
                                "incident.transition.refused",
                                "from",
                                incident.stage,
                                "to",
                                input.to(),
                                "allowed",
                                Stage.TABLE.allowedNames(incident.stage)));
        if (input.to() == Stage.SELESAI
                && (input.closingSummary() == null || input.closingSummary().isBlank())) {
            throw ProblemException.invalid("closingSummary", Message.of("incident.closing-summary.required"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StageTransition transition = new StageTransition();
        transition.id = UUID.randomUUID();
        transition.incidentId = id;
        transition.fromStage = incident.stage;
        transition.toStage = input.to();
        transition.reason = input.reason().trim();
        transition.transitionedAt = effectiveAt(incident, input, now);
        transition.recordedAt = now;
        transition.actor = caller.subject();
        incidents.addTransition(transition);
        incident.stage = input.to();
        if (input.to() == Stage.SELESAI) {
            incident.closingSummary = input.closingSummary().trim();
        }
        IncidentResponse moved = counts.counted(shown(records.updated(
                incident, INCIDENT, incident.regionCode, IncidentResponse::from, IncidentResponse::masked)));
        if (input.to() == Stage.SELESAI) {
            closed.fire(new IncidentClosed(id, incident.regionCode));
        }
        return moved;
    }

    /**
     * When a move takes effect: now, or the earlier time a move recorded late gives. It keeps the stage history in
     * order (not before the last move: 409) and every activity judged by the stage at its time, so it is not placed
     * before an activity already recorded in the stage it leaves (409, naming the latest of them). A time in the
     * future is a 400, but one up to {@link #CLOCK_AHEAD} ahead (a phone's clock) counts as now.
     */
    private Instant effectiveAt(Incident incident, StageTransitionInput input, Instant now) {
        Instant at = input.transitionedAt();
        if (at == null) {
            at = now;
        } else if (at.isAfter(now.plus(CLOCK_AHEAD))) {
            throw ProblemException.invalid("transitionedAt", Message.of("incident.transitioned-at.future"));
        } else if (at.isBefore(incident.occurredFrom)) {
            // before the incident began the stage it started in held: no move can be placed there
            throw ProblemException.invalid(
                    "transitionedAt",
                    Message.of("incident.transitioned-at.before-occurred", "from", incident.occurredFrom));
        } else {
            at = at.isAfter(now) ? now : at.truncatedTo(ChronoUnit.MICROS);
        }
        List<StageTransition> history = incidents.transitions(incident.id);
        if (!history.isEmpty()) {
            Instant last = history.get(history.size() - 1).transitionedAt;
            if (at.isBefore(last)) {
                throw ProblemException.conflict(Message.of("incident.transition.before-last", "at", at, "last", last));
            }
        }
        IncidentRepository.ActivitiesOutside outside = incidents.activitiesOutside(incident.id, at, input.to());
        if (outside.count() > 0) {
            throw ProblemException.conflict(Message.of(
                    "incident.transition.before-activities",
                    "at",
                    at,
                    "count",
                    outside.count(),
                    "latest",
                    outside.latest(),
                    "to",
                    input.to()));
        }
        return at;
    }

    /**
     * Opens a closed (SELESAI) incident again, in the stage it was closed from or the one given: a move of its own,
     * outside the stage table (which keeps SELESAI final), for a COORDINATOR or ADMIN of its region or above (the
     * resource's roles and {@code writable}), with a mandatory reason. It is a transition in the stage history and a
     * version in the change log, so the feed and webhooks carry it like any change. Not closed: 409.
     */
    @Transactional
    public IncidentResponse reopen(UUID id, Long expectedVersion, IncidentDtos.ReopeningInput input) {
        Incident incident = incidents.writable(id);
        ETags.check(expectedVersion, incident.version);
        if (incident.stage != Stage.SELESAI) {
            throw ProblemException.conflict(Message.of("incident.reopen.not-closed", "stage", incident.stage));
        }
        Stage to = input.to();
        if (to == null) {
            List<StageTransition> history = incidents.transitions(id);
            to = history.isEmpty() ? Stage.PENCEGAHAN : history.get(history.size() - 1).fromStage;
        }
        if (to == Stage.SELESAI) {
            throw ProblemException.invalid(
                    "to",
                    Message.of("incident.reopen.open-stage"),
                    List.of(Stage.PENCEGAHAN.name(), Stage.PENGHENTIAN.name(), Stage.PEMULIHAN.name()));
        }
        StageTransition transition = new StageTransition();
        transition.id = UUID.randomUUID();
        transition.incidentId = id;
        transition.fromStage = Stage.SELESAI;
        transition.toStage = to;
        transition.reason = input.reason().trim();
        transition.transitionedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        transition.recordedAt = transition.transitionedAt;
        transition.actor = caller.subject();
        incidents.addTransition(transition);
        incident.stage = to;
        incident.reopeningReason = transition.reason;
        return counts.counted(shown(records.updated(
                incident, INCIDENT, incident.regionCode, IncidentResponse::from, IncidentResponse::masked)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StageTransitionResponse> transitions(UUID id) {
        incidents.visible(id);
        return incidents.transitions(id).stream()
                .map(StageTransitionResponse::from)
                .toList();
    }

    // ---- activities -----------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ActivityResponse> activities(UUID incidentId, Stage stage, PageRequest page) {
        incidents.visible(incidentId);
        return counts.countedPage(incidents.activities(incidentId, stage, page).map(ActivityResponse::from));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ActivityResponse activity(UUID incidentId, UUID activityId) {
        incidents.visible(incidentId);
        return counts.counted(ActivityResponse.from(incidents.activity(incidentId, activityId)));
    }

    /**
     * Records an activity; its type must belong to the stage the incident was in at the activity's
     * {@code occurredAt} ({@link #stageAt}), so that a report made offline and synced after the stage moved on keeps
     * its meaning (409 lists the types of that stage).
     */
    @Transactional
    public ActivityResponse addActivity(UUID incidentId, ActivityInput input) {
        Incident incident = incidents.writable(incidentId);
        Instant occurredAt = occurredAt(input);
        Stage stage = activityStage(incident, input.activityType(), occurredAt);
        agencies.referenced(input.agencyId(), "agencyId");
        Activity activity = new Activity();
        activity.id = records.newId(Activity.class, input.id());
        activity.incidentId = incidentId;
        activity.activityType = input.activityType();
        activity.stage = stage;
        activity.agencyId = input.agencyId();
        activity.occurredAt = occurredAt;
        activity.description = input.description().trim();
        activity.outcome = input.outcome();
        return counts.counted(records.created(activity, ACTIVITY, incident.regionCode, ActivityResponse::from));
    }

    /**
     * Corrects an activity: its type, agency, time, text or outcome. A new type or time is judged as a new activity
     * is, by {@link #activityStage}; a correction of the text alone keeps the stage the activity was recorded in, so
     * that an activity of a stage the incident has left can still be corrected.
     */
    @Transactional
    public ActivityResponse correctActivity(
            UUID incidentId, UUID activityId, Long expectedVersion, ActivityInput input) {
        Incident incident = incidents.writable(incidentId);
        Activity activity = incidents.activity(incidentId, activityId);
        Records.checkReplace(activity, input.id(), expectedVersion);
        Instant occurredAt = input.occurredAt().truncatedTo(ChronoUnit.MICROS).equals(activity.occurredAt)
                ? activity.occurredAt
                : occurredAt(input);
        if (!input.activityType().equals(activity.activityType) || !occurredAt.equals(activity.occurredAt)) {
            activity.stage = activityStage(incident, input.activityType(), occurredAt);
        }
        if (!input.agencyId().equals(activity.agencyId)) {
            agencies.referenced(input.agencyId(), "agencyId");
        }
        activity.activityType = input.activityType();
        activity.agencyId = input.agencyId();
        activity.occurredAt = occurredAt;
        activity.description = input.description().trim();
        activity.outcome = input.outcome();
        return counts.counted(records.updated(activity, ACTIVITY, incident.regionCode, ActivityResponse::from));
    }

    /**
     * When an activity was done, as it is kept: not in the future (400), but a clock up to {@link #CLOCK_AHEAD} ahead
     * (a phone's, or a time rounded up to the end of its second) counts as now, as a stage move's does. So no activity
     * lies after the moment it was recorded, and a move made now is never placed before one.
     */
    private static Instant occurredAt(ActivityInput input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (input.occurredAt().isAfter(now.plus(CLOCK_AHEAD))) {
            // an activity is something done: one dated ahead would be judged by a stage that has not come yet
            throw ProblemException.invalid("occurredAt", Message.of("incident.activity.occurred-at.future"));
        }
        Instant at = input.occurredAt().truncatedTo(ChronoUnit.MICROS);
        return at.isAfter(now) ? now : at;
    }

    /**
     * The stage an activity of this type belongs to, for a new activity and for a corrected type or time: the one
     * place that judges activity types. The type must belong to the stage the incident was in at the activity's
     * {@code occurredAt} ({@link #stageAt}); 409 lists the types of that stage.
     */
    private Stage activityStage(Incident incident, String activityType, Instant occurredAt) {
        String typeStage = reference.attribute(ACTIVITY_TYPES, activityType, "stage");
        if (typeStage == null) {
            throw ProblemException.invalid("activityType", Message.of("incident.activity-type.unknown"));
        }
        incidents.lockForActivity(incident);
        Stage stage = stageAt(incident, incidents.transitions(incident.id), occurredAt);
        if (!typeStage.equals(stage.name())) {
            List<String> allowed = reference.codesWith(ACTIVITY_TYPES, "stage", stage.name());
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    allowed.isEmpty()
                            ? Message.of(
                                    "incident.activity.stage",
                                    "type",
                                    activityType,
                                    "typeStage",
                                    typeStage,
                                    "stage",
                                    stage)
                            : Message.of(
                                    "incident.activity.stage.allowed",
                                    "type",
                                    activityType,
                                    "typeStage",
                                    typeStage,
                                    "stage",
                                    stage),
                    null,
                    allowed);
        }
        return stage;
    }

    /**
     * The stage the incident was in at a moment, read from its stage history (ordered by time): the target of the
     * last transition made at or before the moment; before the first transition (also before the incident was
     * reported) the stage it started in; with no transition at all its present stage.
     */
    static Stage stageAt(Incident incident, List<StageTransition> history, Instant at) {
        if (history.isEmpty()) {
            return incident.stage;
        }
        Stage stage = history.get(0).fromStage;
        for (StageTransition t : history) {
            if (t.transitionedAt.isAfter(at)) {
                break;
            }
            stage = t.toStage;
        }
        return stage;
    }
}
