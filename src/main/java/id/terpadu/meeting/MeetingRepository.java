package id.terpadu.meeting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Clearance;
import id.terpadu.team.TeamRepository;

/**
 * Coordination meetings and their children, the decisions and the links to incidents and early warnings: every
 * query of the aggregate. A meeting lies in its team's region (visible and writable by it); it has no classification.
 */
@ApplicationScoped
public class MeetingRepository extends ScopedRepository<Meeting> {

    private static final List<SortKey> ORDER = List.of(SortKey.instantDesc("e.startsAt"), SortKey.uuidDesc("e.id"));
    private static final List<SortKey> DECISION_ORDER = List.of(SortKey.date("e.dueOn"), SortKey.uuid("e.id"));

    private final TeamRepository teams;

    MeetingRepository(Caller caller, Clearance clearance, TeamRepository teams) {
        super(caller, clearance);
        this.teams = teams;
    }

    @Override
    public String regionOf(Meeting meeting) {
        return teams.findById(meeting.teamId).regionCode;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("meeting.not-found", "id", id);
    }

    /** A page of meetings ({@code e}) by the filter, which may name their team ({@code t}); latest first. */
    Page<Meeting> page(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Meeting.class,
                "Meeting e, Team t",
                filter,
                ORDER,
                page,
                m -> List.of(m.startsAt.toString(), m.id.toString()));
    }

    /** The region of each of these meetings (their team's), by meeting id. */
    Map<UUID, String> regionsOf(List<UUID> ids) {
        Map<UUID, String> regions = new HashMap<>();
        if (!ids.isEmpty()) {
            getEntityManager()
                    .createQuery(
                            "select m.id, t.regionCode from Meeting m, Team t where m.teamId = t.id and m.id in :ids",
                            Object[].class)
                    .setParameter("ids", ids)
                    .getResultList()
                    .forEach(row -> regions.put((UUID) row[0], (String) row[1]));
        }
        return regions;
    }

    // ---- links ----------------------------------------------------------------------------------------------

    /** Replaces the meeting's links to incidents and early warnings. */
    void replaceLinks(UUID meetingId, List<UUID> incidentIds, List<UUID> warningIds) {
        var em = getEntityManager();
        em.createNativeQuery("delete from meeting_incident where meeting_id = :id")
                .setParameter("id", meetingId)
                .executeUpdate();
        em.createNativeQuery("delete from meeting_early_warning where meeting_id = :id")
                .setParameter("id", meetingId)
                .executeUpdate();
        for (UUID incidentId : incidentIds) {
            em.createNativeQuery("insert into meeting_incident (meeting_id, incident_id) values (:m, :i)")
                    .setParameter("m", meetingId)
                    .setParameter("i", incidentId)
                    .executeUpdate();
        }
        for (UUID warningId : warningIds) {
            em.createNativeQuery("insert into meeting_early_warning (meeting_id, early_warning_id) values (:m, :w)")
                    .setParameter("m", meetingId)
                    .setParameter("w", warningId)
                    .executeUpdate();
        }
    }

    /** The rows (meeting id, linked id) of a link table for these meetings, by linked id. */
    List<?> links(List<UUID> meetingIds, String table, String column) {
        return getEntityManager()
                .createNativeQuery(
                        "select meeting_id, " + column + " from " + table + " where meeting_id in (:ids) order by "
                                + column,
                        Object[].class)
                .setParameter("ids", meetingIds)
                .getResultList();
    }

    /** The ids of the linked records ({@code r} of {@code entity}) that the filter lets through. */
    List<UUID> linkedIds(String entity, Filter filter) {
        var query =
                getEntityManager().createQuery("select r.id from " + entity + " r where " + filter.where(), UUID.class);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    /** The decisions of these meetings, earliest due first. */
    List<Decision> decisionsOf(List<UUID> meetingIds) {
        return getEntityManager()
                .createQuery("from Decision d where d.meetingId in :ids order by d.dueOn, d.id", Decision.class)
                .setParameter("ids", meetingIds)
                .getResultList();
    }

    List<Decision> decisionsOf(UUID meetingId) {
        return getEntityManager()
                .createQuery("from Decision d where d.meetingId = :id", Decision.class)
                .setParameter("id", meetingId)
                .getResultList();
    }

    /** A page of decisions ({@code e}) by the filter, which names their meeting ({@code m}) and team ({@code t}). */
    Page<Decision> decisions(Filter filter, PageRequest page) {
        return Keyset.page(
                getEntityManager(),
                Decision.class,
                "Decision e, Meeting m, Team t",
                filter,
                DECISION_ORDER,
                page,
                d -> List.of(d.dueOn.toString(), d.id.toString()));
    }

    /** The decision of this id, whatever its meeting; null when there is none. */
    Decision decisionById(UUID decisionId) {
        return decisionId == null ? null : getEntityManager().find(Decision.class, decisionId);
    }

    /** The decision of this meeting; 404 when there is none. */
    Decision decision(UUID meetingId, UUID decisionId) {
        Decision decision = decisionId == null ? null : getEntityManager().find(Decision.class, decisionId);
        if (decision == null || !decision.meetingId.equals(meetingId)) {
            throw ProblemException.notFound(Message.of("meeting.decision.not-found", "id", decisionId));
        }
        return decision;
    }
}
