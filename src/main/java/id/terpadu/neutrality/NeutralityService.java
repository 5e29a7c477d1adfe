package id.terpadu.neutrality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
import id.terpadu.common.http.ETags;
import id.terpadu.common.http.GroupBy;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.PersonalData;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.security.Role;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.neutrality.NeutralityDtos.CaseInput;
import id.terpadu.neutrality.NeutralityDtos.CaseResponse;
import id.terpadu.neutrality.NeutralityDtos.PersonInput;
import id.terpadu.neutrality.NeutralityDtos.PersonResponse;
import id.terpadu.neutrality.NeutralityDtos.RemovalInput;
import id.terpadu.neutrality.NeutralityDtos.SanctionReopeningInput;
import id.terpadu.neutrality.NeutralityDtos.StatisticsResult;
import id.terpadu.neutrality.NeutralityDtos.StatisticsRow;
import id.terpadu.neutrality.NeutralityDtos.TransitionInput;
import id.terpadu.reference.ReferenceService;
import id.terpadu.region.RegionService;

/**
 * ASN neutrality cases (SKB 2022). Rules: the region exists and lies in the writer's scope; violation forms come from
 * the SKB list (reference {@code asn-violation-forms}); only a LAPORAN names a reporter; each civil servant moves on
 * {@link NeutralityStatus}'s table; a recommendation goes to the body the law names for its date (KASN until its
 * dissolution, BKN after — reference {@code neutrality-recipients}, attributes {@code until}/{@code from}); a
 * sanction names its category; no decision is dated before the case was received or in the future. Writers: ADMIN,
 * COORDINATOR, and the OFFICERs of the handling agency. Names are masked per {@link PersonalData}; the change log
 * keeps the masked view.
 */
@ApplicationScoped
public class NeutralityService {

    /** Neutrality cases with their persons. */
    @Produces
    public static final RecordType CASE = RecordType.published("neutrality-case", NeutralityCase.class);

    static final int MAX_ROWS = 10_000;

    private final NeutralityRepository cases;
    private final Caller caller;
    private final PersonalData personalData;
    private final ChangeLog changeLog;
    private final Records records;
    private final RegionService regions;
    private final AgencyService agencies;
    private final ReferenceService references;
    private final AttachmentCounts counts;

    private final MergePatch patches;

    NeutralityService(
            NeutralityRepository cases,
            Caller caller,
            PersonalData personalData,
            ChangeLog changeLog,
            Records records,
            RegionService regions,
            AgencyService agencies,
            ReferenceService references,
            AttachmentCounts counts,
            MergePatch patches) {
        this.patches = patches;
        this.counts = counts;
        this.cases = cases;
        this.caller = caller;
        this.personalData = personalData;
        this.changeLog = changeLog;
        this.records = records;
        this.regions = regions;
        this.agencies = agencies;
        this.references = references;
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CaseResponse> list(
            ElectionType type,
            Integer year,
            String region,
            CaseSource source,
            NeutralityStatus status,
            PageRequest page) {
        Filter filter = filterFor(type, year, region, source, "e")
                .andIf(
                        status,
                        "exists (select 1 from NeutralityPerson p where p.caseId = e.id and p.status = :?)",
                        status);
        Page<NeutralityCase> found = cases.page(filter, page);
        List<NeutralityPerson> persons =
                cases.personsOf(found.items().stream().map(c -> c.id).toList());
        return counts.countedPage(found.<CaseResponse>map(c ->
                shown(c, persons.stream().filter(p -> p.caseId.equals(c.id)).toList())));
    }

    /** The list filters, on the case entity ({@code e}) or the case table ({@code c}) of the statistics. */
    private Filter filterFor(ElectionType type, Integer year, String region, CaseSource source, String alias) {
        boolean sql = alias.equals("c");
        String regionColumn = alias + (sql ? ".region_code" : ".regionCode");
        Filter filter = caller.scope()
                .restrict(new Filter(), regionColumn)
                .andIf(
                        type,
                        alias + (sql ? ".election_type" : ".electionType") + " = :?",
                        sql && type != null ? type.name() : type)
                .andIf(year, alias + (sql ? ".election_year" : ".electionYear") + " = :?", year)
                .andIf(source, alias + ".source = :?", sql && source != null ? source.name() : source);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of(regionColumn).within(filter, region);
        }
        return filter;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseResponse get(UUID id) {
        NeutralityCase c = cases.visible(id);
        return counts.counted(shown(c, cases.personsOf(id)));
    }

    /** The case if the caller may write it: its region scope covers the case and it is a handler of the case. */
    private NeutralityCase writable(UUID id) {
        NeutralityCase c = cases.writable(id);
        requireHandler(c.handlingAgencyId);
        return c;
    }

    /** An OFFICER writes only the cases its own agency handles. */
    private void requireHandler(UUID handlingAgencyId) {
        if (!caller.hasRole(Role.ADMIN_)
                && !caller.hasRole(Role.COORDINATOR_)
                && !handlingAgencyId.equals(caller.agencyId())) {
            throw ProblemException.forbidden(Message.of("neutrality.handler.refused"));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        cases.visible(id);
        return changeLog.history(CASE, id, page);
    }

    /**
     * The case as the caller may see it: names and NIPs shown to those who may read the personal data of the handling
     * agency's records (the read is then recorded), masked for everyone else.
     */
    private CaseResponse shown(NeutralityCase c, List<NeutralityPerson> persons) {
        return view(c, persons, personalData.reveal(CASE.name(), c.id, c.regionCode, c.handlingAgencyId));
    }

    static CaseResponse view(NeutralityCase c, List<NeutralityPerson> persons, boolean reveal) {
        Map<NeutralityStatus, Integer> counts = new EnumMap<>(NeutralityStatus.class);
        persons.forEach(p -> counts.merge(p.status, 1, Integer::sum));
        List<PersonResponse> people = persons.stream()
                .map(p -> new PersonResponse(
                        p.id,
                        reveal ? p.name : PersonalData.maskName(p.name),
                        reveal ? p.nip : PersonalData.maskNumber(p.nip),
                        p.employer,
                        p.positionCategory,
                        p.positionTitle,
                        p.status,
                        p.recipient,
                        p.recommendedOn,
                        p.sanction,
                        p.decidedOn,
                        p.note,
                        p.reopeningReason,
                        p.reopenedAt,
                        p.reopenedBy))
                .toList();
        return new CaseResponse(
                c.id,
                c.electionType,
                c.electionYear,
                c.regionCode,
                c.source,
                c.registerNumber,
                c.receivedOn,
                c.summary,
                c.violationForms,
                c.evidence,
                reveal ? c.reporterName : PersonalData.maskName(c.reporterName),
                c.handlingAgencyId,
                reveal,
                counts,
                people,
                c.personRemovals == null ? List.of() : List.copyOf(c.personRemovals),
                c.version,
                c.createdAt,
                c.updatedAt,
                null);
    }

    // ---- writing --------------------------------------------------------------------------------------------

    @Transactional
    public CaseResponse create(CaseInput input) {
        if (input.persons() == null || input.persons().isEmpty()) {
            throw ProblemException.invalid("persons", Message.of("neutrality.persons.required"));
        }
        NeutralityCase c = new NeutralityCase();
        c.id = records.newId(NeutralityCase.class, input.id());
        apply(c, input);
        cases.persistAndFlush(c);
        List<NeutralityPerson> persons = addPersons(c, input.persons(), 0);
        return counts.counted(
                records.created(c, CASE, c.regionCode, x -> shown(x, persons), NeutralityService::masked));
    }

    /** What the change log keeps: the case as a caller without access to personal data sees it. */
    private static CaseResponse masked(CaseResponse r) {
        return new CaseResponse(
                r.id(),
                r.electionType(),
                r.electionYear(),
                r.regionCode(),
                r.source(),
                r.registerNumber(),
                r.receivedOn(),
                r.summary(),
                r.violationForms(),
                r.evidence(),
                PersonalData.maskName(r.reporterName()),
                r.handlingAgencyId(),
                false,
                r.statusCounts(),
                r.persons().stream()
                        .map(p -> new PersonResponse(
                                p.id(),
                                PersonalData.maskName(p.name()),
                                PersonalData.maskNumber(p.nip()),
                                p.employer(),
                                p.positionCategory(),
                                p.positionTitle(),
                                p.status(),
                                p.recipient(),
                                p.recommendedOn(),
                                p.sanction(),
                                p.decidedOn(),
                                p.note(),
                                p.reopeningReason(),
                                p.reopenedAt(),
                                p.reopenedBy()))
                        .toList(),
                r.removedPersons(),
                r.version(),
                r.createdAt(),
                r.updatedAt(),
                null);
    }

    @Transactional
    public CaseResponse replace(UUID id, Long expectedVersion, CaseInput input) {
        NeutralityCase c = writable(id);
        Records.checkReplace(c, input.id(), expectedVersion);
        if (input.persons() != null && !input.persons().isEmpty()) {
            throw ProblemException.invalid("persons", Message.of("neutrality.persons.on-replace"));
        }
        List<NeutralityPerson> persons = cases.personsOf(id);
        LocalDate earliest = persons.stream()
                .map(p -> p.recommendedOn != null ? p.recommendedOn : p.decidedOn)
                .filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo)
                .orElse(null);
        if (earliest != null && input.receivedOn().isAfter(earliest)) {
            throw ProblemException.invalid(
                    "receivedOn", Message.of("neutrality.received-on.after-decision", "date", earliest));
        }
        apply(c, input);
        return counts.counted(
                records.updated(c, CASE, c.regionCode, x -> shown(x, persons), NeutralityService::masked));
    }

    /**
     * What a merge patch of a case needs: its PUT body holds no persons (they are added and moved by operations of
     * their own), and the change log keeps the reporter's name masked.
     */
    static final MergePatch.Target<CaseInput> PATCHED = MergePatch.target(CASE, CaseInput.class)
            .unlogged("reporterName")
            .adapted(c -> {
                c.remove("persons");
                return c;
            });

    /** A merge patch (RFC 7396): the case as its PUT body, patched, then {@link #replace} with its rules. */
    @Transactional
    public CaseResponse patch(UUID id, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED,
                patch,
                expectedVersion,
                () -> view(writable(id), cases.personsOf(id), true),
                (version, input) -> replace(id, version, input));
    }

    @Transactional
    public CaseResponse addPersons(UUID id, List<PersonInput> inputs) {
        NeutralityCase c = writable(id);
        List<NeutralityPerson> persons = new ArrayList<>(cases.personsOf(id));
        if (persons.size() + inputs.size() > 2000) {
            throw ProblemException.invalid("persons", Message.of("neutrality.persons.max", "max", 2000));
        }
        // after the highest position, not the count: a person removed by mistake leaves a gap
        int next = persons.stream().mapToInt(p -> p.position + 1).max().orElse(0);
        persons.addAll(addPersons(c, inputs, next));
        touch(c);
        return counts.counted(
                records.updated(c, CASE, c.regionCode, x -> shown(x, persons), NeutralityService::masked));
    }

    /**
     * Corrects a person of a case (a misspelt name, a wrong NIP, employer or position), with the case's version: a
     * person is part of the case. Where their handling stands is moved by transitions, not here. The change log keeps
     * the case as before, with names and NIPs masked.
     */
    @Transactional
    public CaseResponse correctPerson(UUID id, UUID personId, Long expectedVersion, PersonInput input) {
        NeutralityCase c = writable(id);
        List<NeutralityPerson> persons = cases.personsOf(id);
        NeutralityPerson person = persons.stream()
                .filter(p -> p.id.equals(personId))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound(Message.of("neutrality.person.not-found", "id", personId)));
        ETags.check(expectedVersion, c.version);
        if (input.id() != null && !input.id().equals(personId)) {
            throw ProblemException.invalid("id", Message.of("record.id.mismatch"));
        }
        person.name = input.name().trim();
        person.nip = input.nip();
        person.employer = input.employer().trim();
        person.positionCategory = input.positionCategory();
        person.positionTitle =
                input.positionTitle() == null || input.positionTitle().isBlank()
                        ? null
                        : input.positionTitle().trim();
        touch(c);
        return counts.counted(
                records.updated(c, CASE, c.regionCode, x -> shown(x, persons), NeutralityService::masked));
    }

    /**
     * Removes a person added to the case by mistake, with a reason: only while nothing was decided about them
     * ({@link NeutralityStatus#UNDECIDED}; a person recommended, sanctioned or found no violation is part of the record
     * of what was done, 409), and never the last one (a case without persons is deleted instead, 409). The case keeps
     * who removed which person, when and why; its earlier versions in the change log keep the person, masked.
     */
    @Transactional
    public CaseResponse removePerson(UUID id, UUID personId, Long expectedVersion, RemovalInput input) {
        NeutralityCase c = writable(id);
        List<NeutralityPerson> persons = new ArrayList<>(cases.personsOf(id));
        NeutralityPerson person = persons.stream()
                .filter(p -> p.id.equals(personId))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound(Message.of("neutrality.person.not-found", "id", personId)));
        ETags.check(expectedVersion, c.version);
        if (!NeutralityStatus.UNDECIDED.contains(person.status)) {
            throw ProblemException.conflict(
                    Message.of("neutrality.person.remove.decided", "id", personId, "status", person.status));
        }
        if (persons.size() == 1) {
            throw ProblemException.conflict(Message.of("neutrality.person.remove.last", "id", id));
        }
        cases.removePerson(person);
        persons.remove(person);
        List<PersonRemoval> removals = new ArrayList<>(c.personRemovals == null ? List.of() : c.personRemovals);
        removals.add(new PersonRemoval(personId, input.reason().trim(), now(), caller.subject()));
        c.personRemovals = removals;
        touch(c);
        List<NeutralityPerson> after = List.copyOf(persons);
        return counts.counted(records.updated(c, CASE, c.regionCode, x -> shown(x, after), NeutralityService::masked));
    }

    /**
     * Deletes a case where nothing was decided: every person still {@link NeutralityStatus#UNDECIDED} (409 otherwise:
     * a recommendation, a sanction or a finding of no violation is part of the record of what was done). Its persons
     * and attachments go with it; the change log keeps a tombstone, which the feed and webhooks carry.
     */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        NeutralityCase c = writable(id);
        ETags.check(expectedVersion, c.version);
        long decided = cases.personsOf(id).stream()
                .filter(p -> !NeutralityStatus.UNDECIDED.contains(p.status))
                .count();
        if (decided > 0) {
            throw ProblemException.conflict(Message.of("neutrality.delete.decided", "id", id, "count", decided));
        }
        records.deleted(c, CASE, c.regionCode);
    }

    /**
     * Reopens a person's imposed sanction: SANKSI_DIJATUHKAN back to REKOMENDASI, the state before it, with a
     * mandatory reason (a sanction annulled on appeal, recorded against the wrong person). A move of its own, outside
     * {@link NeutralityStatus#TABLE} (which keeps SANKSI_DIJATUHKAN final), for an ADMIN or COORDINATOR of the case's
     * region or above (the resource's roles and {@code writable}). The sanction and its day are cleared (the history
     * keeps them); the person keeps the reason, who and when. Not sanctioned: 409.
     */
    @Transactional
    public CaseResponse reopenSanction(UUID id, Long expectedVersion, SanctionReopeningInput input) {
        NeutralityCase c = writable(id);
        ETags.check(expectedVersion, c.version);
        List<NeutralityPerson> persons = cases.personsOf(id);
        NeutralityPerson person = persons.stream()
                .filter(p -> p.id.equals(input.personId()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(
                        "personId", Message.of("neutrality.person.not-in-case", "id", input.personId())));
        if (person.status != NeutralityStatus.SANKSI_DIJATUHKAN) {
            throw ProblemException.conflict(
                    Message.of("neutrality.reopen.not-sanctioned", "id", person.id, "status", person.status));
        }
        person.status = NeutralityStatus.REKOMENDASI;
        person.sanction = null;
        person.decidedOn = null;
        person.reopeningReason = input.reason().trim();
        person.reopenedAt = now();
        person.reopenedBy = caller.subject();
        touch(c);
        List<NeutralityPerson> after = List.copyOf(persons);
        return counts.counted(records.updated(c, CASE, c.regionCode, x -> shown(x, after), NeutralityService::masked));
    }

    private static java.time.Instant now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private List<NeutralityPerson> addPersons(NeutralityCase c, List<PersonInput> inputs, int from) {
        List<NeutralityPerson> added = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PersonInput input = inputs.get(i);
            NeutralityPerson p = new NeutralityPerson();
            p.id = records.newId(NeutralityPerson.class, input.id());
            p.caseId = c.id;
            p.position = from + i;
            p.name = input.name().trim();
            p.nip = input.nip();
            p.employer = input.employer().trim();
            p.positionCategory = input.positionCategory();
            p.positionTitle =
                    input.positionTitle() == null || input.positionTitle().isBlank()
                            ? null
                            : input.positionTitle().trim();
            p.status = NeutralityStatus.DITERIMA;
            cases.addPerson(p);
            added.add(p);
        }
        return added;
    }

    /** A change of the case's persons is a change of the case: its version moves. */
    private static void touch(NeutralityCase c) {
        c.updatedAt = now();
    }

    private void apply(NeutralityCase c, CaseInput input) {
        String region = input.regionCode().trim();
        caller.scope().requireWritable(region, "regionCode");
        regions.requireExisting(region, "regionCode");
        agencies.referenced(input.handlingAgencyId(), "handlingAgencyId");
        requireHandler(input.handlingAgencyId());
        if (input.receivedOn().isAfter(today())) {
            throw ProblemException.invalid("receivedOn", Message.of("date.future"));
        }
        if (input.receivedOn().getYear() < input.electionYear() - 2
                || input.receivedOn().getYear() > input.electionYear() + 1) {
            throw ProblemException.invalid(
                    "receivedOn",
                    Message.of("neutrality.received-on.election-year", "electionYear", input.electionYear()));
        }
        List<String> forms =
                input.violationForms().stream().map(String::trim).distinct().toList();
        for (int i = 0; i < forms.size(); i++) {
            references.requireCode("asn-violation-forms", forms.get(i), "violationForms[" + i + "]");
        }
        boolean hasReporter =
                input.reporterName() != null && !input.reporterName().isBlank();
        if (hasReporter && input.source() != CaseSource.LAPORAN) {
            throw ProblemException.invalid("reporterName", Message.of("neutrality.reporter.only-laporan"));
        }
        c.electionType = input.electionType();
        c.electionYear = input.electionYear();
        c.regionCode = region;
        c.source = input.source();
        c.registerNumber =
                input.registerNumber() == null || input.registerNumber().isBlank()
                        ? null
                        : input.registerNumber().trim();
        c.receivedOn = input.receivedOn();
        c.summary = input.summary().trim();
        c.violationForms = new ArrayList<>(forms);
        c.evidence = input.evidence() == null ? new ArrayList<>() : new ArrayList<>(input.evidence());
        c.reporterName = hasReporter ? input.reporterName().trim() : null;
        c.handlingAgencyId = input.handlingAgencyId();
    }

    static LocalDate today() {
        return LocalDate.now(ConflictStatusService.ZONE);
    }

    /** Moves the listed persons to one status, all or none. */
    @Transactional
    public CaseResponse transition(UUID id, Long expectedVersion, TransitionInput input) {
        NeutralityCase c = writable(id);
        ETags.check(expectedVersion, c.version);
        List<NeutralityPerson> persons = cases.personsOf(id);
        Map<UUID, NeutralityPerson> byId = new LinkedHashMap<>();
        persons.forEach(p -> byId.put(p.id, p));
        List<UUID> ids = input.personIds().stream().distinct().toList();
        for (int i = 0; i < ids.size(); i++) {
            NeutralityPerson p = byId.get(ids.get(i));
            if (p == null) {
                throw ProblemException.invalid(
                        "personIds[" + i + "]", Message.of("neutrality.person.not-in-case", "id", ids.get(i)));
            }
            NeutralityStatus from = p.status;
            NeutralityStatus.TABLE.require(
                    from,
                    input.to(),
                    () -> Message.of("neutrality.transition.refused", "id", p.id, "from", from, "to", input.to()));
        }
        LocalDate on = input.decidedOn();
        if (on.isAfter(today())) {
            throw ProblemException.invalid("decidedOn", Message.of("date.future"));
        }
        if (on.isBefore(c.receivedOn)) {
            throw ProblemException.invalid(
                    "decidedOn", Message.of("neutrality.decided-on.before-received", "date", c.receivedOn));
        }
        if (input.to() == NeutralityStatus.REKOMENDASI) {
            requireRecipient(input.recipient(), on);
        } else if (input.recipient() != null) {
            throw ProblemException.invalid("recipient", Message.of("neutrality.recipient.only-rekomendasi"));
        }
        if (input.to() == NeutralityStatus.SANKSI_DIJATUHKAN) {
            if (input.sanction() == null) {
                throw ProblemException.invalid(
                        "sanction",
                        Message.of("neutrality.sanction.required"),
                        Arrays.stream(SanctionCategory.values()).map(Enum::name).toList());
            }
        } else if (input.sanction() != null) {
            throw ProblemException.invalid("sanction", Message.of("neutrality.sanction.only-sanksi"));
        }
        for (UUID personId : ids) {
            LocalDate recommended = byId.get(personId).recommendedOn;
            if (recommended != null && on.isBefore(recommended)) {
                throw ProblemException.invalid(
                        "decidedOn", Message.of("neutrality.decided-on.before-recommendation", "date", recommended));
            }
        }
        String note = input.note() == null || input.note().isBlank()
                ? null
                : input.note().trim();
        for (UUID personId : ids) {
            NeutralityPerson p = byId.get(personId);
            if (input.to() == NeutralityStatus.REKOMENDASI) {
                p.recipient = input.recipient();
                p.recommendedOn = on;
            } else {
                p.decidedOn = on;
                p.sanction = input.sanction();
            }
            p.status = input.to();
            p.note = note == null ? p.note : note;
        }
        touch(c);
        List<NeutralityPerson> after = List.copyOf(persons);
        return counts.counted(records.updated(c, CASE, c.regionCode, x -> shown(x, after), NeutralityService::masked));
    }

    /** 400 unless the recipient receives recommendations on that day (reference attributes {@code from}/{@code until}). */
    private void requireRecipient(Recipient recipient, LocalDate on) {
        if (recipient == null) {
            throw ProblemException.invalid(
                    "recipient",
                    Message.of("neutrality.recipient.required"),
                    Arrays.stream(Recipient.values()).map(Enum::name).toList());
        }
        String from = references.attribute("neutrality-recipients", recipient.name(), "from");
        String until = references.attribute("neutrality-recipients", recipient.name(), "until");
        if ((from != null && on.isBefore(LocalDate.parse(from)))
                || (until != null && on.isAfter(LocalDate.parse(until)))) {
            throw ProblemException.invalid(
                    "recipient",
                    recipient == Recipient.KASN
                            ? Message.of("neutrality.recipient.kasn-dissolved", "date", on, "until", until)
                            : Message.of("neutrality.recipient.bkn-not-yet", "date", on, "from", from));
        }
    }

    // ---- statistics -----------------------------------------------------------------------------------------

    /** What a statistics row can be keyed by. */
    public enum Dimension implements GroupBy {
        ELECTION("c.election_type || ' ' || c.election_year"),
        PROVINCE("substring(c.region_code, 1, 2)"),
        KABKOTA("case when length(c.region_code) >= 5 then substring(c.region_code, 1, 5) end"),
        VIOLATION_FORM("f.form"),
        STATUS("p.status"),
        RECIPIENT("p.recipient"),
        SANCTION("p.sanction"),
        POSITION_CATEGORY("p.position_category"),
        SOURCE("c.source");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }

        @Override
        public String expression() {
            return expression;
        }

        public static List<Dimension> parse(String groupBy) {
            return GroupBy.parse(Dimension.class, groupBy);
        }
    }

    /**
     * Cases, civil servants and violations per group, over the cases the caller may see with the same filters. A case
     * with several violation forms counts once under each when grouped by violationForm.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StatisticsResult statistics(
            ElectionType type, Integer year, String region, CaseSource source, List<Dimension> groupBy) {
        Filter filter = filterFor(type, year, region, source, "c");
        String keys = String.join(", ", groupBy.stream().map(d -> d.expression).toList());
        StringBuilder sql = new StringBuilder("select ");
        if (!groupBy.isEmpty()) {
            sql.append(keys).append(", ");
        }
        sql.append("count(distinct c.id), count(p.id), count(p.id) filter (where p.status in ('REKOMENDASI', "
                + "'SANKSI_DIJATUHKAN', 'TIDAK_DITINDAKLANJUTI')) from neutrality_case c "
                + "join neutrality_person p on p.case_id = c.id ");
        if (groupBy.contains(Dimension.VIOLATION_FORM)) {
            sql.append("cross join lateral jsonb_array_elements_text(c.violation_forms) f(form) ");
        }
        sql.append("where ").append(filter.where());
        if (!groupBy.isEmpty()) {
            sql.append(" group by ").append(keys).append(" order by ").append(keys);
        }
        List<?> rows = cases.statistics(sql.toString(), filter, MAX_ROWS + 1);
        List<String> labels = GroupBy.labels(groupBy);
        List<StatisticsRow> out = new ArrayList<>();
        for (Object r : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
            Object[] row = (Object[]) r;
            Map<String, String> key = GroupBy.key(labels, row);
            int at = groupBy.size();
            out.add(new StatisticsRow(
                    key,
                    ((Number) row[at]).longValue(),
                    ((Number) row[at + 1]).longValue(),
                    ((Number) row[at + 2]).longValue()));
        }
        return new StatisticsResult(labels, out, rows.size() > MAX_ROWS);
    }
}
