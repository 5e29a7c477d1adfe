package id.terpadu.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import id.terpadu.common.changelog.Audience;
import id.terpadu.common.security.Classification;
import id.terpadu.common.security.Clearance;
import id.terpadu.common.security.RegionScope;

/**
 * Turns events into inbox entries and emails. A batch of events is claimed with {@code FOR UPDATE SKIP LOCKED} (so
 * several instances share the work, and an instance that dies leaves its batch to the next), and each event's
 * recipients, entries and emails are written in that one transaction: an event is fanned out wholly or not at all,
 * and the unique keys (event, account) make a second fan-out write nothing.
 * <p>
 * Who receives an event: active accounts chosen by the event's kind (the agency a task or a meeting decision is given
 * to, the secretariat agency of the team of the record's region, of the team a task climbed to or of a progress
 * report's team, the verifiers of the level above a report's team, the triagers of a community report's team, the
 * coordinators and officers of a region), people who act (ADMIN, COORDINATOR or OFFICER, not an ANALYST), of whom only those who may read the record are kept: its region within the account's region scope and its
 * classification one the account's roles and agency may read ({@link Audience}, {@link Clearance#readableBy}), as the
 * record's own GET would judge them. A person's preferences then choose the channels, and an email goes only to an
 * account with an address, only when an SMTP server is configured.
 * <p>
 * Plain JDBC: it runs on the scheduler's thread, outside any request and its persistence context.
 */
@ApplicationScoped
public class FanOut {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    /** The accounts each kind reaches, as a condition on {@code account a} for the event's parameters. */
    private static final String AGENCY = "a.agency_id = ?";
    /**
     * The secretariat of the team nearest the region: the kabupaten/kota team, else the province's, else the nation's,
     * of this year or the latest before it.
     */
    private static final String REGION_SECRETARIAT = """
            a.agency_id = (select t.secretariat_agency_id from team t
                           where (t.level = 'NASIONAL' or ? = t.region_code or ? like t.region_code || '.%')
                             and t.year <= ? and t.secretariat_agency_id is not null
                           order by length(coalesce(t.region_code, '')) desc, t.year desc limit 1)""";

    private static final String TEAM_SECRETARIAT =
            "a.agency_id = (select t.secretariat_agency_id from team t where t.id = ?)";
    private static final String REGION_PEOPLE = """
            a.region_code is not null and (? = a.region_code or ? like a.region_code || '.%')
            and (jsonb_exists(a.roles, 'COORDINATOR') or jsonb_exists(a.roles, 'OFFICER'))""";

    /** The people of a national record (a national status): coordinators and officers of national accounts. */
    private static final String NATIONAL_PEOPLE = """
            a.region_code is null
            and (jsonb_exists(a.roles, 'COORDINATOR') or jsonb_exists(a.roles, 'OFFICER'))""";
    /**
     * The verifiers of a team's progress reports: the coordinators and administrators of the secretariat agency of
     * the level above (the province's team for a kabupaten/kota team, else the national team), of the team's year or
     * the latest before it.
     */
    private static final String LEVEL_ABOVE_SECRETARIAT = """
            (jsonb_exists(a.roles, 'COORDINATOR') or jsonb_exists(a.roles, 'ADMIN'))
            and a.agency_id = (select u.secretariat_agency_id from team t join team u
                                 on (t.level = 'KABUPATEN_KOTA' and u.level = 'PROVINSI'
                                     and u.region_code = substr(t.region_code, 1, 2))
                                 or (t.level <> 'KABUPATEN_KOTA' and u.level = 'NASIONAL')
                               where t.id = ? and u.year <= t.year and u.secretariat_agency_id is not null
                               order by u.year desc limit 1)""";
    /**
     * The triagers of a team's queue: the coordinators, officers and administrators of its secretariat and member
     * agencies (the roles that may read community reports).
     */
    private static final String TEAM_TRIAGERS = """
            (jsonb_exists(a.roles, 'COORDINATOR') or jsonb_exists(a.roles, 'OFFICER')
             or jsonb_exists(a.roles, 'ADMIN'))
            and (a.agency_id = (select t.secretariat_agency_id from team t where t.id = ?)
                 or a.agency_id in (select m.agency_id from team_member m where m.team_id = ?))""";

    /**
     * Every notification asks a person to act (acknowledge, follow up, verify, triage, prepare): an ANALYST, who only
     * reads, is told of none; a secretariat's analyst was emailed each task escalated to its team.
     */
    private static final String ACTS = "jsonb_exists(a.roles, 'COORDINATOR') or jsonb_exists(a.roles, 'OFFICER')"
            + " or jsonb_exists(a.roles, 'ADMIN')";

    /** The kinds about a task or a meeting decision given to the event's agency. */
    private static final java.util.Set<NotificationKind> TASK_KINDS = java.util.EnumSet.of(
            NotificationKind.TASK_ASSIGNED,
            NotificationKind.TASK_DUE_SOON,
            NotificationKind.TASK_OVERDUE,
            NotificationKind.DECISION_DUE_SOON,
            NotificationKind.DECISION_OVERDUE);

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Preferences.Channels>> CHANNELS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final NotificationConfig config;
    private final Clearance.Policy clearance;

    FanOut(DataSource dataSource, ObjectMapper mapper, NotificationConfig config, Clearance.Policy clearance) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.config = config;
        this.clearance = clearance;
    }

    /** An event as the fan-out reads it. */
    record Event(
            long id,
            NotificationKind kind,
            String regionCode,
            Classification classification,
            UUID agencyId,
            UUID teamId) {}

    /** A person an event may reach. */
    record Candidate(
            UUID id,
            List<String> roles,
            List<String> scope,
            UUID agencyId,
            String agencyType,
            String agencyRegion,
            boolean hasEmail,
            Map<String, Preferences.Channels> channels,
            EmailDelivery delivery) {}

    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${terpadu.notifications.fan-out-every}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            while (fanOut() == config.fanOutBatch()) {
                // a full batch: there may be more at once
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Notification events could not be fanned out: %s", e.getMessage());
        }
    }

    /** Fans out up to one batch of events in one transaction; returns how many. */
    public int fanOut() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Event> events = claim(c);
                if (events.isEmpty()) {
                    c.commit();
                    return 0;
                }
                try (PreparedStatement inbox = c.prepareStatement("""
                                insert into notification (account_id, event_id) values (?, ?)
                                on conflict (event_id, account_id) do nothing""");
                        PreparedStatement email = c.prepareStatement("""
                                insert into notification_email (account_id, event_id, digest, next_attempt_at)
                                values (?, ?, ?, ?) on conflict (event_id, account_id) do nothing""");
                        PreparedStatement done = c.prepareStatement(
                                "update notification_event set fanned_out_at = now(), recipients = ? where id = ?")) {
                    boolean mail = NotificationConfig.smtp(config).isPresent();
                    Instant digestAt = nextDigest(Instant.now());
                    for (Event event : events) {
                        int reached = 0;
                        for (Candidate person : candidates(c, event)) {
                            if (!mayRead(person, event)) {
                                continue;
                            }
                            Preferences.Channels channels =
                                    person.channels().getOrDefault(event.kind().name(), Preferences.Channels.ALL);
                            if (channels.inbox()) {
                                inbox.setObject(1, person.id());
                                inbox.setLong(2, event.id());
                                inbox.addBatch();
                            }
                            if (mail && channels.email() && person.hasEmail()) {
                                boolean digest = person.delivery() == EmailDelivery.DAILY_DIGEST;
                                email.setObject(1, person.id());
                                email.setLong(2, event.id());
                                email.setBoolean(3, digest);
                                email.setTimestamp(4, Timestamp.from(digest ? digestAt : Instant.now()));
                                email.addBatch();
                            }
                            reached++;
                        }
                        done.setInt(1, reached);
                        done.setLong(2, event.id());
                        done.addBatch();
                    }
                    inbox.executeBatch();
                    email.executeBatch();
                    done.executeBatch();
                }
                c.commit();
                return events.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Event> claim(Connection c) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, kind, region_code, classification, agency_id, team_id from notification_event
                where fanned_out_at is null order by id limit ? for update skip locked""")) {
            ps.setInt(1, config.fanOutBatch());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(
                            rs.getLong(1),
                            NotificationKind.valueOf(rs.getString(2)),
                            rs.getString(3),
                            Classification.valueOf(rs.getString(4)),
                            rs.getObject(5, UUID.class),
                            rs.getObject(6, UUID.class)));
                }
            }
        }
        return events;
    }

    /** The accounts the event's kind names, with what judging them needs. */
    private List<Candidate> candidates(Connection c, Event event) throws SQLException {
        List<String> clauses = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        int year = LocalDate.now(ZONE).getYear();
        switch (event.kind()) {
            case TASK_ASSIGNED, TASK_DUE_SOON, DECISION_DUE_SOON, DECISION_OVERDUE -> {
                clauses.add(AGENCY);
                values.add(event.agencyId());
            }
            case TASK_ACKNOWLEDGED -> regionSecretariat(event, year, clauses, values);
            case TASK_OVERDUE -> {
                clauses.add(AGENCY);
                values.add(event.agencyId());
                regionSecretariat(event, year, clauses, values);
            }
            case TASK_ESCALATED, REPORT_RETURNED, REPORT_VERIFIED -> {
                clauses.add(TEAM_SECRETARIAT);
                values.add(event.teamId());
            }
            case REPORT_SUBMITTED -> {
                clauses.add(LEVEL_ABOVE_SECRETARIAT);
                values.add(event.teamId());
            }
            case INTAKE_WAITING, INTAKE_OVERDUE -> {
                clauses.add(TEAM_TRIAGERS);
                values.add(event.teamId());
                values.add(event.teamId());
            }
            case STATUS_ENDING -> {
                if (event.regionCode() == null) {
                    clauses.add(NATIONAL_PEOPLE);
                } else {
                    clauses.add(REGION_PEOPLE);
                    values.add(event.regionCode());
                    values.add(event.regionCode());
                }
            }
            case WARNING_HIGH_RISK -> {
                if (event.regionCode() == null) {
                    return List.of();
                }
                clauses.add(REGION_PEOPLE);
                values.add(event.regionCode());
                values.add(event.regionCode());
            }
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        String sql = """
                select a.id, cast(a.roles as text), cast(a.region_scope as text), a.agency_id, g.type,
                       a.email is not null, cast(p.channels as text), p.email_delivery, g.region_code
                from account a left join agency g on g.id = a.agency_id
                left join notification_preference p on p.account_id = a.id
                where a.active and (%s) and (%s)""".formatted(ACTS, String.join(" or ", clauses));
        List<Candidate> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        String channels = rs.getString(7);
                        found.add(new Candidate(
                                rs.getObject(1, UUID.class),
                                mapper.readValue(rs.getString(2), STRINGS),
                                mapper.readValue(rs.getString(3), STRINGS),
                                rs.getObject(4, UUID.class),
                                rs.getString(5),
                                rs.getString(9),
                                rs.getBoolean(6),
                                channels == null ? Map.of() : mapper.readValue(channels, CHANNELS),
                                rs.getString(8) == null
                                        ? EmailDelivery.IMMEDIATE
                                        : EmailDelivery.valueOf(rs.getString(8))));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("an account's stored rights cannot be read", e);
                    }
                }
            }
        }
        return found;
    }

    private static void regionSecretariat(Event event, int year, List<String> clauses, List<Object> values) {
        if (event.regionCode() == null) {
            return;
        }
        clauses.add(REGION_SECRETARIAT);
        values.add(event.regionCode());
        values.add(event.regionCode());
        values.add(year);
    }

    /**
     * Whether the person may read the record the event is about, as its GET would judge: region and clearance. A
     * community report without a queue region is read by the national scope alone, as its repository rules.
     */
    private boolean mayRead(Candidate person, Event event) {
        var readable = Clearance.readableBy(person.roles(), clearance.clears(person.agencyId(), person.agencyType()));
        RegionScope scope = new RegionScope(List.copyOf(person.scope()));
        boolean intake =
                event.kind() == NotificationKind.INTAKE_WAITING || event.kind() == NotificationKind.INTAKE_OVERDUE;
        if (intake && event.regionCode() == null && !scope.isNational()) {
            return false;
        }
        if (TASK_KINDS.contains(event.kind())
                && person.agencyId() != null
                && person.agencyId().equals(event.agencyId())
                && scope.covers(person.agencyRegion())) {
            // the agency a task or a decision is given to reads it wherever its record lies (TaskService,
            // MeetingService): its people whose scope
            // covers the agency's own region, within their clearance
            return readable.contains(event.classification());
        }
        return Audience.reader(scope, readable).sees(event.regionCode(), event.classification());
    }

    /** The next digest time after {@code now}: today's {@code digest-at} in Jakarta, or tomorrow's. */
    Instant nextDigest(Instant now) {
        ZonedDateTime today = now.atZone(ZONE).with(config.digestAt());
        ZonedDateTime next = today.toInstant().isAfter(now) ? today : today.plusDays(1);
        return next.toInstant();
    }
}
