package id.terpadu.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;

import io.quarkus.arc.Arc;

/**
 * Direct reads of the database for assertions: row counts of every table the API writes, so that a test can
 * prove a refused request wrote nothing.
 */
public final class Db {

    public static final List<String> TABLES = List.of("agency", "team", "team_member", "region", "change_log",
            "idempotency_key", "incident", "early_warning", "conflict_status", "incident_task", "action_plan",
            "action_plan_item", "action_plan_report", "meeting", "meeting_incident", "meeting_early_warning",
            "meeting_decision", "neutrality_case", "neutrality_person", "api_key", "webhook_subscription",
            "webhook_delivery", "webhook_attempt", "region_list");
    // personal_data_access is left out on purpose: a read that answers personal data unmasked writes a row there by
    // design; a refused request never does (PersonalDataTest).

    private Db() {
    }

    /** Row count and a content checksum of every written table. */
    public static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String table : TABLES) {
            state.put(table, single("select count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) from " + table + " t"));
        }
        return state;
    }

    public static void assertUnchanged(Map<String, String> before) {
        Assertions.assertThat(snapshot()).as("database after a refused request").isEqualTo(before);
    }

    public static long count(String sql, Object... args) {
        return Long.parseLong(single(sql, args));
    }

    public static String single(String sql, Object... args) {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
