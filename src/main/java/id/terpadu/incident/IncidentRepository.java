package id.terpadu.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.persistence.ScopedRepository;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;
import id.terpadu.incident.IncidentDtos.IncidentResponse;
import id.terpadu.verification.Similar;

/**
 * Incidents and their children, the stage transitions and activities: every query of the aggregate. An incident is
 * visible by its own region and classification; its children by their incident.
 */
@ApplicationScoped
public class IncidentRepository extends ScopedRepository<Incident> {

    private static final List<SortKey> ACTIVITY_ORDER = List.of(SortKey.instant("e.occurredAt"), SortKey.uuid("e.id"));

    /** The region columns of an incident in SQL, for the candidate query of likely duplicates. */
    private static final RegionScope.Columns SQL_REGION =
            new RegionScope.Columns("c.region_code", "c.province_code", "c.kabkota_code", false);

    private final Caller caller;
    private final Clearance clearance;

    IncidentRepository(Caller caller, Clearance clearance) {
        super(caller, clearance);
        this.caller = caller;
        this.clearance = clearance;
    }

    /** The incidents most like the probe among those the caller may read (scope and clearance, as in a list). */
    List<Similar.Candidate> similar(Similar.Probe probe, int windowHours, int limit) {
        return Similar.candidates(
                getEntityManager(),
                Similar.Table.INCIDENT,
                probe,
                windowHours,
                caller.scope().restrict(new Filter("s"), SQL_REGION),
                clearance.readable(),
                limit);
    }

    /**
     * The kabupaten/kota of the incidents {@code filter} selects within {@code km} of a point, with how many and the
     * nearest one's distance (on the local plane: {@code kmLat} and {@code kmLon} km per degree), nearest first.
     */
    java.util.List<Object[]> nearbyRegencies(
            Filter filter, double lat, double lon, double kmLat, double kmLon, double km, int max) {
        // the point's constants are added negated: "latitude - -2.7" would open an SQL comment ("+ -2.7" does not)
        String d = "sqrt(((e.latitude + %s) * %s) * ((e.latitude + %s) * %s) + ((e.longitude + %s) * %s) "
                        .formatted(-lat, kmLat, -lat, kmLat, -lon, kmLon)
                + "* ((e.longitude + %s) * %s))".formatted(-lon, kmLon);
        var query = getEntityManager()
                .createQuery(
                        "select e.kabkotaCode, count(e), min(" + d + ") from Incident e where " + filter.where()
                                + " and " + d + " <= " + km + " group by e.kabkotaCode order by min(" + d
                                + "), e.kabkotaCode",
                        Object[].class)
                .setMaxResults(max);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    @Override
    public String regionOf(Incident incident) {
        return incident.regionCode;
    }

    @Override
    public Classification classificationOf(Incident incident) {
        return incident.classification;
    }

    @Override
    protected Message notFound(UUID id) {
        return Message.of("incident.not-found", "id", id);
    }

    /** A page of incident views (the columns of {@link IncidentResponse#SELECT}), without loading entities. */
    Page<IncidentResponse> views(
            Filter filter, List<SortKey> order, PageRequest page, Function<IncidentResponse, List<String>> keyOf) {
        return Keyset.page(
                getEntityManager(),
                IncidentResponse.SELECT,
                "Incident e",
                filter,
                order,
                page,
                IncidentResponse::of,
                keyOf);
    }

    /**
     * The count and the sum and count of each metric per group of {@code keys} (null: one row for all), over the
     * incidents of the filter; at most {@code maxRows} rows.
     */
    List<Object[]> grouped(Filter filter, String keys, List<String> metrics, int maxRows) {
        StringBuilder hql = new StringBuilder("select ");
        if (keys != null) {
            hql.append(keys).append(", ");
        }
        hql.append("count(e)");
        for (String metric : metrics) {
            hql.append(", sum(e.")
                    .append(metric)
                    .append("), count(e.")
                    .append(metric)
                    .append(')');
        }
        hql.append(" from Incident e where ").append(filter.where());
        if (keys != null) {
            hql.append(" group by ").append(keys).append(" order by ").append(keys);
        }
        var query = getEntityManager().createQuery(hql.toString(), Object[].class);
        filter.parameters().forEach(query::setParameter);
        query.setMaxResults(maxRows);
        return query.getResultList();
    }

    /**
     * Per region (the first {@code length} characters of its code) and WIB year of occurredFrom, over the incidents of
     * the filter: how many, how many are now in PEMULIHAN and how many SELESAI; by region and year. The scan, for what
     * the cubes cannot answer (a scope or region below a kabupaten/kota); the rows are those of the cubes' statement.
     */
    List<Object[]> resolution(Filter filter, int length) {
        String region = "substring(e.regionCode, 1, " + length + ")";
        String year = "function('to_char', function('timezone', 'Asia/Jakarta', e.occurredFrom), 'YYYY')";
        var query = getEntityManager()
                .createQuery(
                        "select " + region + ", " + year + ", count(e), "
                                + "sum(case when e.stage = id.terpadu.incident.Stage.PEMULIHAN then 1 else 0 end), "
                                + "sum(case when e.stage = id.terpadu.incident.Stage.SELESAI then 1 else 0 end) "
                                + "from Incident e where " + filter.where() + " group by " + region + ", " + year
                                + " order by " + region + ", " + year,
                        Object[].class);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The rows of a statistics statement over the cubes and their deltas ({@link StatisticsPlan}), in its order. */
    @SuppressWarnings("unchecked")
    List<Object[]> cubed(StatisticsPlan.Sql sql) {
        var query = getEntityManager().createNativeQuery(sql.text());
        sql.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Moves up to {@code batch} statistics deltas into the cubes (V33); how many it moved, 0 when another is at it. */
    int compactStatistics(int batch) {
        return ((Number) getEntityManager()
                        .createNativeQuery("select incident_stat_compact(:batch)")
                        .setParameter("batch", batch)
                        .getSingleResult())
                .intValue();
    }

    /** The rows of {@code hql} (over {@code Incident e}, with the filter's where-clause) as the scan finds them. */
    Stream<Object[]> stream(String hql, Filter filter, int fetchSize) {
        var query = getEntityManager().unwrap(Session.class).createSelectionQuery(hql, Object[].class);
        filter.parameters().forEach(query::setParameter);
        query.setFetchSize(fetchSize);
        return query.getResultStream();
    }

    /** The ids of the incidents of the filter, in id order, at most {@code max}. */
    List<UUID> ids(Filter filter, int max) {
        var query = getEntityManager()
                .createQuery("select e.id from Incident e where " + filter.where() + " order by e.id", UUID.class);
        filter.parameters().forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    /** The early warnings an incident grew from, in id order. */
    @SuppressWarnings("unchecked")
    List<UUID> warningIds(UUID incidentId) {
        return getEntityManager()
                .createNativeQuery(
                        "select early_warning_id from incident_early_warning where incident_id = :id order by early_warning_id")
                .setParameter("id", incidentId)
                .getResultList();
    }

    /** Whether another incident names this one as the one it duplicates. */
    boolean hasDuplicates(UUID id) {
        return !getEntityManager()
                .createQuery("select 1 from Incident i where i.duplicateOf = :id", Integer.class)
                .setParameter("id", id)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    // ---- stage transitions ----------------------------------------------------------------------------------

    /**
     * Takes the incident's row for a stage move: its stage history and the activities judged by it cannot change
     * until the move commits, so a move placed back in time is judged against every activity there is.
     */
    void lockForMove(Incident incident) {
        getEntityManager().lock(incident, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Shares the incident's row while an activity is judged by its stage history: activities of one incident are still
     * recorded side by side, but not while a stage move is being placed ({@link #lockForMove}).
     */
    void lockForActivity(Incident incident) {
        getEntityManager().lock(incident, jakarta.persistence.LockModeType.PESSIMISTIC_READ);
    }

    void addTransition(StageTransition transition) {
        getEntityManager().persist(transition);
    }

    List<StageTransition> transitions(UUID incidentId) {
        return getEntityManager()
                .createQuery(
                        "from StageTransition t where t.incidentId = :id order by t.transitionedAt, t.recordedAt, t.id",
                        StageTransition.class)
                .setParameter("id", incidentId)
                .getResultList();
    }

    /** Activities of an incident that were recorded in another stage than one: how many, and the latest time. */
    record ActivitiesOutside(long count, Instant latest) {}

    /** The activities of this incident done at or after a moment that were recorded in another stage than this one. */
    ActivitiesOutside activitiesOutside(UUID incidentId, Instant from, Stage stage) {
        Object[] row = getEntityManager()
                .createQuery(
                        "select count(a), max(a.occurredAt) from Activity a "
                                + "where a.incidentId = :id and a.occurredAt >= :from and a.stage <> :stage",
                        Object[].class)
                .setParameter("id", incidentId)
                .setParameter("from", from)
                .setParameter("stage", stage)
                .getSingleResult();
        return new ActivitiesOutside((Long) row[0], (Instant) row[1]);
    }

    // ---- activities -----------------------------------------------------------------------------------------

    Page<Activity> activities(UUID incidentId, Stage stage, PageRequest page) {
        Filter filter = new Filter().and("e.incidentId = :?", incidentId).andIf(stage, "e.stage = :?", stage);
        return Keyset.page(
                getEntityManager(),
                Activity.class,
                "Activity e",
                filter,
                ACTIVITY_ORDER,
                page,
                a -> List.of(a.occurredAt.toString(), a.id.toString()));
    }

    /** The activity of this incident; 404 when there is none. */
    Activity activity(UUID incidentId, UUID activityId) {
        Activity activity = activityId == null ? null : getEntityManager().find(Activity.class, activityId);
        if (activity == null || !activity.incidentId.equals(incidentId)) {
            throw ProblemException.notFound(Message.of("incident.activity.not-found", "id", activityId));
        }
        return activity;
    }

    /**
     * The incident of an activity named by its id alone, if the caller may see it; 404 with the activity's message
     * when the activity does not exist or its incident is hidden (for records kept with an activity).
     */
    public Incident incidentOfActivity(UUID activityId) {
        Activity activity = activityId == null ? null : getEntityManager().find(Activity.class, activityId);
        if (activity == null) {
            throw ProblemException.notFound(Message.of("incident.activity.not-found", "id", activityId));
        }
        try {
            return visible(activity.incidentId);
        } catch (ProblemException e) {
            throw ProblemException.notFound(Message.of("incident.activity.not-found", "id", activityId));
        }
    }
}
