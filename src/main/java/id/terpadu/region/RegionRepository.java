package id.terpadu.region;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.postgresql.PGConnection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;

/**
 * Regions, by their Kemendagri code: every query of the region list. The import writes through plain JDBC on the
 * transaction's own connection ({@code COPY} into a temporary table, then one upsert): the list has 91,599 lines,
 * and {@code bench/region-import.sh} measures the import against {@code psql} doing the same (goal: the whole list
 * within 10 s); JPA has neither {@code COPY} nor a way to upsert a batch in one statement.
 */
@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    private static final List<SortKey> BY_CODE = List.of(SortKey.text("e.code"));

    /** Whether a region with this code exists. */
    boolean exists(String code) {
        return !getEntityManager()
                .createQuery("select 1 from Region r where r.code = :code", Integer.class)
                .setParameter("code", code)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The names of the regions with these codes, by code; codes of no region are left out. */
    Map<String, String> names(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        getEntityManager()
                .createQuery("select r.code, r.name from Region r where r.code in :codes", Object[].class)
                .setParameter("codes", codes)
                .getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    /** The codes and names of the filter's regions ({@code r}), by code, at most {@code max}. */
    List<Object[]> codesAndNames(Filter filter, int max) {
        var query = getEntityManager()
                .createQuery(
                        "select r.code, r.name from Region r where " + filter.where() + " order by r.code",
                        Object[].class)
                .setMaxResults(max);
        filter.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** A page of the filter's regions, by code. */
    Page<Region> page(Filter filter, PageRequest page) {
        return Keyset.page(getEntityManager(), Region.class, "Region e", filter, BY_CODE, page, r -> List.of(r.code));
    }

    /** Which of these codes the table holds. */
    Set<String> existing(Set<String> codes) {
        return session().doReturningWork(connection -> existing(connection, codes));
    }

    /** Writes the rows of an import; returns {inserted, updated, retired}. */
    int[] importRows(List<RegionCsv.Row> rows, boolean complete) {
        return session().doReturningWork(connection -> write(connection, rows, complete));
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    private static Set<String> existing(Connection connection, Set<String> codes) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("select code from region where code = any(?)")) {
            Array array = connection.createArrayOf("text", codes.toArray());
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * COPY into a temporary table, then one upsert (a rename keeps the former name; a retired code that is back is in
     * force again) and, for a complete list, the retirement of its provinces' codes it lacks; returns {inserted,
     * updated, retired}.
     */
    private static int[] write(Connection connection, List<RegionCsv.Row> rows, boolean complete) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table region_import (code text, name text, level text, parent_code text)"
                            + " on commit drop");
        }
        StringBuilder data = new StringBuilder(rows.size() * 40);
        for (RegionCsv.Row row : rows) {
            data.append(row.code())
                    .append(',')
                    .append(quote(row.name()))
                    .append(',')
                    .append(row.level().name())
                    .append(',')
                    .append(row.parentCode() == null ? "" : row.parentCode())
                    .append('\n');
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy region_import (code, name, level, parent_code) from stdin with (format csv)",
                            new StringReader(data.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("copy failed", e);
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        with upserted as (
                            insert into region (code, name, level, parent_code, updated_at)
                            select code, name, level, nullif(parent_code, ''), now() from region_import
                            on conflict (code) do update
                                set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
                                    updated_at = now(), retired_at = null,
                                    former_names = case when region.name = excluded.name then region.former_names
                                        else region.former_names || jsonb_build_array(jsonb_build_object('name', region.name,
                                            'until', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))) end
                                where (region.name, region.level, region.parent_code)
                                      is distinct from (excluded.name, excluded.level, excluded.parent_code)
                                   or region.retired_at is not null
                            returning (xmax = 0) as inserted)
                        select count(*) filter (where inserted), count(*) filter (where not inserted) from upserted
                        """)) {
            rs.next();
            int[] counts = {rs.getInt(1), rs.getInt(2), 0};
            if (complete) {
                try (Statement retire = connection.createStatement()) {
                    // codes are never deleted: records may name them
                    counts[2] = retire.executeUpdate("""
                            update region r set retired_at = now(), updated_at = now()
                            where r.retired_at is null
                              and substring(r.code, 1, 2) in (select code from region_import where level = 'PROVINSI')
                              and not exists (select 1 from region_import i where i.code = r.code)
                            """);
                }
            }
            return counts;
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
