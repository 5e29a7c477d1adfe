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

    /**
     * The tables a request may write even when it is refused, left out of a snapshot: the rate limiter counts every
     * request it sees (its budget leases), and a read that answers personal data unmasked writes the access log by
     * design (a refused request never does: PersonalDataTest). The attachments' background job makes thumbnails and
     * removes queued bytes whenever it runs, whatever the request. Flyway's own history is no table of the API.
     */
    static final List<String> WRITTEN_BY_ANY_REQUEST = List.of(
            "rate_limit", "personal_data_access", "attachment_thumbnail", "storage_garbage", "flyway_schema_history");

    /**
     * The statistics' cubes and their deltas, which the compaction moves between whenever it runs: a snapshot holds
     * the cubes as they stand instead (the view {@code incident_stat_current}), which a compaction never changes.
     */
    static final List<String> MOVED_IN_BACKGROUND = List.of("incident_stat", "incident_stat_delta");

    /**
     * Every table of the schema but those, from the database's own catalogue (a new table is in it at once). A
     * partition is read through its partitioned table, as a part of it (V42's cubes).
     */
    public static List<String> tables() {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        List<String> tables = new java.util.ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select relname from pg_class
                        where relnamespace = current_schema()::regnamespace and relkind in ('r', 'p')
                          and not relispartition
                        order by relname""")) {
            while (rs.next()) {
                if (!WRITTEN_BY_ANY_REQUEST.contains(rs.getString(1))
                        && !MOVED_IN_BACKGROUND.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private Db() {}

    /** Row count and a content checksum of every written table. */
    public static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String table : tables()) {
            state.put(
                    table,
                    single("select count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) from " + table + " t"));
        }
        state.put(
                "incident_stat_current",
                single("select count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) from incident_stat_current t"));
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
        try (Connection c = ds.getConnection();
                var ps = c.prepareStatement(sql)) {
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
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
