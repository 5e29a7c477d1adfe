package id.terpadu.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import id.terpadu.common.patch.MergePatch;
import id.terpadu.common.persistence.AttachmentCounts;
import id.terpadu.common.persistence.Records;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;
import id.terpadu.common.security.Role;
import id.terpadu.conflictstatus.ConflictStatusService;
import id.terpadu.earlywarning.EarlyWarning;
import id.terpadu.earlywarning.WarningRepository;
import id.terpadu.incident.Incident;
import id.terpadu.incident.IncidentRepository;
import id.terpadu.meeting.MeetingDtos.DecisionInput;
import id.terpadu.meeting.MeetingDtos.DecisionReopeningInput;
import id.terpadu.meeting.MeetingDtos.DecisionResponse;
import id.terpadu.meeting.MeetingDtos.FollowUpInput;
import id.terpadu.meeting.MeetingDtos.MeetingInput;
import id.terpadu.meeting.MeetingDtos.MeetingResponse;
import id.terpadu.team.Team;
import id.terpadu.team.TeamRepository;

/**
 * Coordination meetings of a team and the decisions taken there. Rules: a meeting's region is its team's, written by
 * ADMIN or COORDINATOR whose scope covers it; linked incidents and early warnings are ones the writer may see, in
 * the team's region; a reader sees only the links it may see, and the change log keeps no links (so a reader of the
 * log is never told of a record it is not cleared for); a DIWAKILI attendee names the representative; a decision's
 * owner is a visible agency; the owner agency's OFFICER or the secretariat follows a decision up, and only the
 * secretariat reopens one marked DONE or DROPPED by mistake.
 */
@ApplicationScoped
public class MeetingService {

    /** Meetings. */
    @Produces
    public static final RecordType MEETING = RecordType.published("meeting", Meeting.class);
    /** Meeting decisions. */
    @Produces
    public static final RecordType DECISION = RecordType.published("meeting-decision", Decision.class);

    private final MeetingRepository meetings;
    private final Caller caller;
    private final Clearance clearance;
    private final ChangeLog changeLog;
    private final Records records;
    private final TeamRepository teams;
    private final AgencyService agencies;
    private final IncidentRepository incidents;
    private final WarningRepository warnings;
    private final AttachmentCounts counts;

    private final MergePatch patches;

    MeetingService(
            MeetingRepository meetings,
            Caller caller,
            Clearance clearance,
            ChangeLog changeLog,
            Records records,
            TeamRepository teams,
            AgencyService agencies,
            IncidentRepository incidents,
            WarningRepository warnings,
            AttachmentCounts counts,
            MergePatch patches) {
        this.patches = patches;
        this.counts = counts;
        this.meetings = meetings;
        this.caller = caller;
        this.clearance = clearance;
        this.changeLog = changeLog;
        this.records = records;
        this.teams = teams;
        this.agencies = agencies;
        this.incidents = incidents;
        this.warnings = warnings;
    }

    static LocalDate today() {
        return LocalDate.now(ConflictStatusService.ZONE);
    }

    // ---- meetings -------------------------------------------------------------------------------------------

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MeetingResponse> list(
            UUID teamId, MeetingKind kind, Instant from, Instant to, String region, PageRequest page) {
        Filter filter = caller.scope()
                .restrict(new Filter().and("e.teamId = t.id"), "t.regionCode")
                .andIf(teamId, "e.teamId = :?", teamId)
                .andIf(kind, "e.kind = :?", kind)
                .andIf(from, "e.startsAt >= :?", from)
                .andIf(to, "e.startsAt < :?", to);
        if (region != null && !region.isBlank()) {
            RegionCode.require(region, "region");
            RegionScope.Columns.of("t.regionCode").within(filter, region);
        }
        Page<Meeting> found = meetings.page(filter, page);
        List<UUID> ids = found.items().stream().map(m -> m.id).toList();
        Map<UUID, String> regions = meetings.regionsOf(ids);
        Links links = links(ids);
        Map<UUID, List<DecisionResponse>> decisions = decisionsOf(ids);
        return counts.countedPage(found.<MeetingResponse>map(
                m -> view(m, regions.get(m.id), links, decisions.getOrDefault(m.id, List.of()))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingResponse get(UUID id) {
        Meeting meeting = meetings.visible(id);
        return counts.counted(full(meeting, teams.findById(meeting.teamId)));
    }

    private MeetingResponse full(Meeting meeting, Team team) {
        return view(
                meeting,
                team.regionCode,
                links(List.of(meeting.id)),
                decisionsOf(List.of(meeting.id)).getOrDefault(meeting.id, List.of()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> history(UUID id, PageRequest page) {
        meetings.visible(id);
        return changeLog.history(MEETING, id, page);
    }

    @Transactional
    public MeetingResponse create(MeetingInput input) {
        Team team = Records.referenced(() -> teams.visible(input.teamId()), "teamId");
        caller.scope().requireWritable(team.regionCode, "teamId");
        Meeting meeting = new Meeting();
        meeting.id = records.newId(Meeting.class, input.id());
        meeting.teamId = team.id;
        List<UUID>[] links = apply(meeting, team, input);
        meetings.persistAndFlush(meeting);
        meetings.replaceLinks(meeting.id, links[0], links[1]);
        return counts.counted(
                records.created(meeting, MEETING, team.regionCode, m -> full(m, team), MeetingService::logged));
    }

    @Transactional
    public MeetingResponse replace(UUID id, Long expectedVersion, MeetingInput input) {
        Meeting meeting = meetings.writable(id);
        Team team = teams.findById(meeting.teamId);
        Records.checkReplace(meeting, input.id(), expectedVersion);
        if (!meeting.teamId.equals(input.teamId())) {
            throw ProblemException.invalid("teamId", Message.of("meeting.team.fixed"));
        }
        List<UUID>[] links = apply(meeting, team, input);
        meetings.replaceLinks(meeting.id, links[0], links[1]);
        return counts.counted(
                records.updated(meeting, MEETING, team.regionCode, m -> full(m, team), MeetingService::logged));
    }

    /** What a merge patch of a meeting needs: the change log keeps its links out of the meeting's entries. */
    static final MergePatch.Target<MeetingInput> PATCHED =
            MergePatch.target(MEETING, MeetingInput.class).unlogged("incidentIds", "earlyWarningIds");

    /** A merge patch (RFC 7396): the meeting as its PUT body, patched, then {@link #replace} with its rules. */
    @Transactional
    public MeetingResponse patch(UUID id, Long expectedVersion, JsonNode patch) {
        return patches.apply(
                PATCHED,
                patch,
                expectedVersion,
                () -> {
                    Meeting meeting = meetings.writable(id);
                    return full(meeting, teams.findById(meeting.teamId));
                },
                (version, input) -> replace(id, version, input));
    }

    /** The change log keeps the meeting without its links and decisions (decisions have their own entries). */
    private static MeetingResponse logged(MeetingResponse m) {
        return new MeetingResponse(
                m.id(),
                m.teamId(),
                m.regionCode(),
                m.kind(),
                m.title(),
                m.startsAt(),
                m.endsAt(),
                m.place(),
                m.chair(),
                m.agenda(),
                m.attendees(),
                m.minutes(),
                null,
                null,
                null,
                m.version(),
                m.createdAt(),
                m.updatedAt(),
                null);
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        Meeting meeting = meetings.writable(id);
        Team team = teams.findById(meeting.teamId);
        ETags.check(expectedVersion, meeting.version);
        for (Decision decision : meetings.decisionsOf(id)) {
            records.deleted(decision, DECISION, team.regionCode);
        }
        records.deleted(meeting, MEETING, team.regionCode);
    }

    @SuppressWarnings("unchecked")
    private List<UUID>[] apply(Meeting meeting, Team team, MeetingInput input) {
        if (input.endsAt() != null && input.endsAt().isBefore(input.startsAt())) {
            throw ProblemException.invalid("endsAt", Message.of("meeting.ends-at.before"));
        }
        List<Attendee> attendees = input.attendees() == null ? List.of() : input.attendees();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            if (a.attendance() == Attendance.DIWAKILI
                    && (a.representedBy() == null || a.representedBy().isBlank())) {
                throw ProblemException.invalid(
                        "attendees[" + i + "].representedBy", Message.of("meeting.represented-by.required"));
            }
            if (a.agencyId() != null) {
                agencies.referenced(a.agencyId(), "attendees[" + i + "].agencyId");
            }
        }
        List<UUID> incidentIds = input.incidentIds() == null
                ? List.of()
                : input.incidentIds().stream().distinct().toList();
        for (int i = 0; i < incidentIds.size(); i++) {
            UUID incidentId = incidentIds.get(i);
            Incident incident = Records.referenced(() -> incidents.visible(incidentId), "incidentIds[" + i + "]");
            requireInTeamRegion(team, incident.regionCode, "incidentIds[" + i + "]");
        }
        List<UUID> warningIds = input.earlyWarningIds() == null
                ? List.of()
                : input.earlyWarningIds().stream().distinct().toList();
        for (int i = 0; i < warningIds.size(); i++) {
            UUID warningId = warningIds.get(i);
            EarlyWarning warning = Records.referenced(() -> warnings.visible(warningId), "earlyWarningIds[" + i + "]");
            requireInTeamRegion(team, warning.regionCode, "earlyWarningIds[" + i + "]");
        }
        meeting.kind = input.kind();
        meeting.title = input.title().trim();
        meeting.startsAt = input.startsAt().truncatedTo(ChronoUnit.MICROS);
        meeting.endsAt = input.endsAt() == null ? null : input.endsAt().truncatedTo(ChronoUnit.MICROS);
        meeting.place = input.place().trim();
        meeting.chair = input.chair().trim();
        meeting.agenda = input.agenda() == null
                ? new ArrayList<>()
                : input.agenda().stream().map(String::trim).toList();
        meeting.attendees = new ArrayList<>(attendees);
        meeting.minutes = input.minutes() == null || input.minutes().isBlank()
                ? null
                : input.minutes().trim();
        return new List[] {incidentIds, warningIds};
    }

    private static void requireInTeamRegion(Team team, String region, String field) {
        if (team.regionCode != null && (region == null || !RegionCode.within(region, team.regionCode))) {
            throw ProblemException.invalid(field, Message.of("meeting.region.outside", "region", team.regionCode));
        }
    }

    /** The links of some meetings, only to records the caller may see (region scope and classification). */
    private record Links(Map<UUID, List<UUID>> incidents, Map<UUID, List<UUID>> warnings) {}

    private Links links(List<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return new Links(Map.of(), Map.of());
        }
        return new Links(
                visibleLinks(meetingIds, "meeting_incident", "incident_id", "Incident"),
                visibleLinks(meetingIds, "meeting_early_warning", "early_warning_id", "EarlyWarning"));
    }

    private Map<UUID, List<UUID>> visibleLinks(List<UUID> meetingIds, String table, String column, String entity) {
        List<?> rows = meetings.links(meetingIds, table, column);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<UUID> targets = new HashSet<>();
        rows.forEach(row -> targets.add((UUID) ((Object[]) row)[1]));
        Filter filter = clearance.restrict(
                caller.scope().restrict(new Filter().and("r.id in :?", targets), "r.regionCode"), "r.classification");
        Set<UUID> visible = new HashSet<>(meetings.linkedIds(entity, filter));
        Map<UUID, List<UUID>> out = new HashMap<>();
        for (Object row : rows) {
            Object[] pair = (Object[]) row;
            if (visible.contains((UUID) pair[1])) {
                out.computeIfAbsent((UUID) pair[0], k -> new ArrayList<>()).add((UUID) pair[1]);
            }
        }
        return out;
    }

    private static MeetingResponse view(Meeting m, String region, Links links, List<DecisionResponse> decisions) {
        return new MeetingResponse(
                m.id,
                m.teamId,
                region,
                m.kind,
                m.title,
                m.startsAt,
                m.endsAt,
                m.place,
                m.chair,
                m.agenda,
                m.attendees,
                m.minutes,
                links.incidents().getOrDefault(m.id, List.of()),
                links.warnings().getOrDefault(m.id, List.of()),
                decisions,
                m.version,
                m.createdAt,
                m.updatedAt,
                null);
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    private Map<UUID, List<DecisionResponse>> decisionsOf(List<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<DecisionResponse>> out = new HashMap<>();
        LocalDate today = today();
        meetings.decisionsOf(meetingIds)
                .forEach(d ->
                        out.computeIfAbsent(d.meetingId, k -> new ArrayList<>()).add(decisionView(d, today)));
        return out;
    }

    static DecisionResponse decisionView(Decision d, LocalDate today) {
        return new DecisionResponse(
                d.id,
                d.meetingId,
                d.description,
                d.ownerAgencyId,
                d.dueOn,
                d.status,
                d.status.isOpen() && d.dueOn.isBefore(today),
                d.followUps,
                d.reopeningReason,
                d.reopenedAt,
                d.reopenedBy,
                d.version,
                d.createdAt,
                d.updatedAt);
    }

    /** Decisions across meetings (a team's follow-up dashboard), earliest due first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DecisionResponse> decisions(
            Boolean overdue, DecisionStatus status, UUID ownerAgencyId, UUID teamId, PageRequest page) {
        Filter visible = caller.scope().restrict(new Filter("v"), "t.regionCode");
        Filter filter = new Filter().and("e.meetingId = m.id and m.teamId = t.id");
        if (agencies.actsForOwnAgency(caller)) {
            // the agency a decision is given to follows it up wherever its meeting was held
            filter.andAny(visible, new Filter("o").and("e.ownerAgencyId = :?", caller.agencyId()));
        } else {
            filter.andAny(visible);
        }
        filter.andIf(status, "e.status = :?", status)
                .andIf(ownerAgencyId, "e.ownerAgencyId = :?", ownerAgencyId)
                .andIf(teamId, "m.teamId = :?", teamId);
        List<DecisionStatus> open = List.of(DecisionStatus.OPEN, DecisionStatus.IN_PROGRESS);
        if (Boolean.TRUE.equals(overdue)) {
            filter.and("e.dueOn < :? and e.status in :?", today(), open);
        } else if (Boolean.FALSE.equals(overdue)) {
            filter.and("(e.dueOn >= :? or e.status not in :?)", today(), open);
        }
        LocalDate today = today();
        return meetings.decisions(filter, page).map(d -> decisionView(d, today));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DecisionResponse decision(UUID meetingId, UUID decisionId) {
        return decisionView(readableDecision(meetingId, decisionId), today());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ChangeEntry> decisionHistory(UUID meetingId, UUID decisionId, PageRequest page) {
        readableDecision(meetingId, decisionId);
        return changeLog.history(DECISION, decisionId, page);
    }

    /**
     * The decision, read by whoever may read its meeting, or by the people of the agency it is given to whose scope
     * covers that agency's region (a provincial rakor gives a kota's Polres a decision: its officers, scoped to the
     * kota, follow it up without reading the meeting); anyone else gets the meeting's 404.
     */
    private Decision readableDecision(UUID meetingId, UUID decisionId) {
        try {
            meetings.visible(meetingId);
        } catch (ProblemException hidden) {
            return ownDecision(meetingId, decisionId, hidden);
        }
        return meetings.decision(meetingId, decisionId);
    }

    private Decision ownDecision(UUID meetingId, UUID decisionId, ProblemException hidden) {
        if (hidden.type() != ProblemType.NOT_FOUND) {
            throw hidden;
        }
        Decision decision = meetings.decisionById(decisionId);
        if (decision == null
                || !decision.meetingId.equals(meetingId)
                || !decision.ownerAgencyId.equals(caller.agencyId())
                || !agencies.actsForOwnAgency(caller)) {
            throw hidden;
        }
        return decision;
    }

    @Transactional
    public DecisionResponse addDecision(UUID meetingId, DecisionInput input) {
        Meeting meeting = meetings.writable(meetingId);
        Team team = teams.findById(meeting.teamId);
        agencies.referenced(input.ownerAgencyId(), "ownerAgencyId");
        LocalDate held = meeting.startsAt.atZone(ConflictStatusService.ZONE).toLocalDate();
        if (input.dueOn().isBefore(held)) {
            throw ProblemException.invalid("dueOn", Message.of("meeting.due-on.before", "date", held));
        }
        Decision decision = new Decision();
        decision.id = records.newId(Decision.class, input.id());
        decision.meetingId = meetingId;
        decision.description = input.description().trim();
        decision.ownerAgencyId = input.ownerAgencyId();
        decision.dueOn = input.dueOn();
        decision.status = DecisionStatus.OPEN;
        decision.followUps = new ArrayList<>();
        return records.created(decision, DECISION, team.regionCode, d -> decisionView(d, today()));
    }

    @Transactional
    public DecisionResponse followUp(UUID meetingId, UUID decisionId, Long expectedVersion, FollowUpInput input) {
        Meeting meeting;
        Decision decision;
        boolean asAgency = false;
        try {
            meeting = meetings.visible(meetingId);
            decision = meetings.decision(meetingId, decisionId);
        } catch (ProblemException hidden) {
            decision = ownDecision(meetingId, decisionId, hidden);
            meeting = meetings.findById(meetingId);
            asAgency = true;
        }
        Team team = teams.findById(meeting.teamId);
        ETags.check(expectedVersion, decision.version);
        // the secretariat is an ADMIN or COORDINATOR whose scope covers the meeting's team; anyone else (the owner
        // agency's coordinator of a kota who reads a national rakor, say) acts as the owner agency or not at all
        boolean secretariat = !asAgency
                && (caller.hasRole(Role.ADMIN_) || caller.hasRole(Role.COORDINATOR_))
                && caller.scope().covers(team.regionCode);
        if (secretariat) {
            caller.scope().requireWritable(team.regionCode, "regionCode");
        } else if (!decision.ownerAgencyId.equals(caller.agencyId())) {
            throw ProblemException.forbidden(Message.of("meeting.decision.follow-up.refused"));
        } else if (input.status() == DecisionStatus.DROPPED) {
            // dropping a rakor's decision is the team's call, as withdrawing a task is: the agency that cannot carry
            // it out says so in a progress note
            throw ProblemException.forbidden(Message.of("meeting.decision.drop.refused"));
        }
        DecisionStatus from = decision.status;
        DecisionStatus.TABLE.require(
                from,
                input.status(),
                () -> from.isOpen()
                        ? Message.of("meeting.decision.transition.refused", "from", from, "to", input.status())
                        // a final decision moves again only once reopened: the detail names the operation
                        : Message.of("meeting.decision.transition.final", "from", from, "to", input.status()));
        String note = input.note() == null || input.note().isBlank()
                ? null
                : input.note().trim();
        if (note == null && (input.status() == DecisionStatus.DROPPED || input.status() == decision.status)) {
            throw ProblemException.invalid(
                    "note",
                    input.status() == DecisionStatus.DROPPED
                            ? Message.of("meeting.decision.note.dropped")
                            : Message.of("meeting.decision.note.progress"));
        }
        List<FollowUp> followUps = new ArrayList<>(decision.followUps == null ? List.of() : decision.followUps);
        followUps.add(
                new FollowUp(Instant.now().truncatedTo(ChronoUnit.MICROS), caller.subject(), input.status(), note));
        decision.followUps = followUps;
        decision.status = input.status();
        return records.updated(decision, DECISION, team.regionCode, d -> decisionView(d, today()));
    }

    /**
     * Reopens a DONE or DROPPED decision marked so by mistake: back to IN_PROGRESS, with a mandatory reason. A move of
     * its own, outside {@link DecisionStatus#TABLE} (which keeps DONE and DROPPED final), for an ADMIN or COORDINATOR
     * whose scope may write the meeting's region (the resource's roles and {@code writable}). IN_PROGRESS rather than
     * OPEN: a decision became final only by a follow-up, so it was in hand, and OPEN is where one starts that nobody
     * took up yet (a decision given to another agency starts there again); IN_PROGRESS is also the state just before
     * the final ones, as the other reopenings go back to theirs. Its follow-up then goes on: the owner agency or the
     * secretariat marks it DONE again, or DROPPED with a note. Like an incident's reopening in its stage history, the
     * move is a follow-up (IN_PROGRESS, the reason its note, who and when) and the decision keeps the reason, who and
     * when, which its history, the feed and webhooks carry. The agency the decision is given to follows it up but does
     * not reopen it: its people who may read the decision without its meeting get a 403 (its officers already have
     * the resource's); anyone else who may not see the meeting its 404. Not final: 409 with the follow-ups allowed.
     */
    @Transactional
    public DecisionResponse reopenDecision(
            UUID meetingId, UUID decisionId, Long expectedVersion, DecisionReopeningInput input) {
        Meeting meeting;
        try {
            meeting = meetings.writable(meetingId);
        } catch (ProblemException refused) {
            // the owner agency reads the decision wherever its meeting lies (ownDecision), and is told why it may not
            ownDecision(meetingId, decisionId, refused);
            throw ProblemException.forbidden(Message.of("meeting.decision.reopen.refused"));
        }
        Team team = teams.findById(meeting.teamId);
        Decision decision = meetings.decision(meetingId, decisionId);
        ETags.check(expectedVersion, decision.version);
        if (decision.status.isOpen()) {
            throw DecisionStatus.TABLE.refused(
                    decision.status, Message.of("meeting.decision.reopen.not-final", "status", decision.status));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String reason = input.reason().trim();
        List<FollowUp> followUps = new ArrayList<>(decision.followUps == null ? List.of() : decision.followUps);
        followUps.add(new FollowUp(now, caller.subject(), DecisionStatus.IN_PROGRESS, reason));
        decision.followUps = followUps;
        decision.status = DecisionStatus.IN_PROGRESS;
        decision.reopeningReason = reason;
        decision.reopenedAt = now;
        decision.reopenedBy = caller.subject();
        return records.updated(decision, DECISION, team.regionCode, d -> decisionView(d, today()));
    }

    /**
     * Corrects an open decision: its text, due day (not before the meeting) or owner agency. A decision given to
     * another agency starts again OPEN, for that agency to follow up; the follow-ups so far stay. DONE and DROPPED
     * decisions are final (409). ADMIN or COORDINATOR (the resource says so).
     */
    @Transactional
    public DecisionResponse correctDecision(
            UUID meetingId, UUID decisionId, Long expectedVersion, DecisionInput input) {
        Meeting meeting = meetings.writable(meetingId);
        Team team = teams.findById(meeting.teamId);
        Decision decision = meetings.decision(meetingId, decisionId);
        Records.checkReplace(decision, input.id(), expectedVersion);
        if (!decision.status.isOpen()) {
            throw ProblemException.conflict(Message.of("meeting.decision.final", "status", decision.status));
        }
        LocalDate held = meeting.startsAt.atZone(ConflictStatusService.ZONE).toLocalDate();
        if (input.dueOn().isBefore(held)) {
            throw ProblemException.invalid("dueOn", Message.of("meeting.due-on.before", "date", held));
        }
        if (!input.ownerAgencyId().equals(decision.ownerAgencyId)) {
            agencies.referenced(input.ownerAgencyId(), "ownerAgencyId");
            decision.ownerAgencyId = input.ownerAgencyId();
            decision.status = DecisionStatus.OPEN;
        }
        decision.description = input.description().trim();
        decision.dueOn = input.dueOn();
        return records.updated(decision, DECISION, team.regionCode, d -> decisionView(d, today()));
    }

    /**
     * Deletes a decision recorded by mistake: only while nothing was reported against it (no follow-up). One that was
     * followed up is part of the record of what was done: it is DROPPED with a note instead (409 says so).
     */
    @Transactional
    public void deleteDecision(UUID meetingId, UUID decisionId, Long expectedVersion) {
        Meeting meeting = meetings.writable(meetingId);
        Team team = teams.findById(meeting.teamId);
        Decision decision = meetings.decision(meetingId, decisionId);
        ETags.check(expectedVersion, decision.version);
        if (!decision.status.isOpen()) {
            // DONE or DROPPED: DROPPED is not offered, a final decision cannot become it
            throw ProblemException.conflict(Message.of("meeting.decision.final.delete", "status", decision.status));
        }
        if (decision.followUps != null && !decision.followUps.isEmpty()) {
            throw ProblemException.conflict(
                    Message.of("meeting.decision.followed-up", "count", decision.followUps.size()));
        }
        records.deleted(decision, DECISION, team.regionCode);
    }
}
