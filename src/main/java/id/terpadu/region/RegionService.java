package id.terpadu.region;

import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.postgresql.PGConnection;

import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.Operation;
import id.terpadu.common.error.FieldProblem;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Keyset;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.paging.SortKey;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.common.security.Caller;
import io.quarkus.logging.Log;

/** Regions: lookups, children, search, and the all-or-nothing import of the Kemendagri code list. */
@ApplicationScoped
public class RegionService {

    /** Region imports: logged, never published. */
    @Produces
    public static final RecordType IMPORT = RecordType.internal("region-import", ImportResult.class);
    private static final List<SortKey> BY_CODE = List.of(SortKey.text("e.code"));

    private final EntityManager em;
    private final ChangeLog changeLog;
    private final Caller caller;
    /** Region codes known to exist (at most the 91,599 of the official list). */
    private final Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RegionService(EntityManager em, ChangeLog changeLog, Caller caller) {
        this.em = em;
        this.changeLog = changeLog;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Region get(String code) {
        Region region = RegionCode.isValid(code) ? em.find(Region.class, code) : null;
        if (region == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, Message.of("region.not-found"));
        }
        return region;
    }

    /**
     * Whether a region with this code exists. Regions are only ever added or renamed (the import deletes none), so a
     * code once found is remembered and every later check of it costs no query; unknown codes are always asked.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String code) {
        if (code == null || !RegionCode.isValid(code)) {
            return false;
        }
        if (known.contains(code)) {
            return true;
        }
        boolean found = !em.createQuery("select 1 from Region r where r.code = :code", Integer.class)
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
        if (found) {
            known.add(code);
        }
        return found;
    }

    /** The names of the regions with these codes, by code, in one query; codes of no region are left out. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> names(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        em.createQuery("select r.code, r.name from Region r where r.code in :codes", Object[].class)
                .setParameter("codes", codes).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    /** A referenced region (a field of another record): 400 naming the field unless it exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireExisting(String code, String field) {
        if (!exists(code)) {
            throw ProblemException.invalid(field, Message.of("region.code.unknown", "code", code));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RegionResponse> search(RegionLevel level, String parent, String query, PageRequest page) {
        Filter filter = new Filter()
                .andIf(level, "e.level = :?", level)
                .andIf(parent, "e.parentCode = :?", parent)
                .andIf(query, "lower(e.name) like :?", query == null ? null : Filter.containing(query));
        return Keyset.page(em, Region.class, "Region e", filter, BY_CODE, page, r -> List.of(r.code))
                .map(RegionResponse::from);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RegionResponse> children(String code, PageRequest page) {
        get(code);
        return search(null, code, null, page);
    }

    /**
     * Imports a {@code kode,nama} CSV: every line is checked first (format, level, duplicates, parent present in
     * the file or the table); one bad line and nothing is written. Otherwise new codes are inserted and changed
     * names updated in one statement; codes missing from the file are kept (records may refer to them).
     */
    @Transactional
    public ImportResult importCsv(String csv, boolean complete) {
        caller.scope().requireNational(Message.of("region.import.national-only"));
        ImportResult result = load(csv, complete);
        changeLog.record(IMPORT, UUID.randomUUID(), Operation.CREATE, 0, null, result);
        return result;
    }

    /**
     * An import's checks and writes, without a caller: also how the list shipped with the service is applied at
     * start ({@link ShippedRegionList}), which, like the provinces the migrations seed, is part of the installation
     * and not a change anybody made.
     */
    @Transactional
    ImportResult load(String csv, boolean complete) {
        long started = System.nanoTime();
        RegionCsv.Parsed parsed = RegionCsv.parse(csv == null ? "" : csv);
        List<FieldProblem> errors = new ArrayList<>(parsed.errors());
        int[] errorCount = { parsed.errorCount() };
        List<RegionCsv.Row> rows = parsed.rows();
        if (errorCount[0] == 0 && rows.isEmpty()) {
            RegionCsv.add(errors, errorCount, "body", Message.of("region.csv.no-lines"));
        }
        Session session = em.unwrap(Session.class);
        if (errorCount[0] == 0) {
            checkParents(session, rows, errors, errorCount);
        }
        if (errorCount[0] > 0) {
            throw new ProblemException(ProblemType.VALIDATION, errorCount[0] > errors.size()
                    ? Message.of("region.import.invalid.first", "count", errorCount[0], "listed", errors.size())
                    : Message.of("region.import.invalid", "count", errorCount[0]), errors, null);
        }
        int[] counts = session.doReturningWork(connection -> write(connection, rows, complete));
        ImportResult result = new ImportResult(rows.size(), counts[0], counts[1], rows.size() - counts[0] - counts[1],
                counts[2], (System.nanoTime() - started) / 1_000_000);
        Log.infof("Region import: %d lines, %d inserted, %d updated, %d retired in %d ms", result.received(),
                result.inserted(), result.updated(), result.retired(), result.elapsedMillis());
        return result;
    }

    private static void checkParents(Session session, List<RegionCsv.Row> rows, List<FieldProblem> errors,
            int[] errorCount) {
        Set<String> inFile = new HashSet<>(rows.size() * 2);
        for (RegionCsv.Row row : rows) {
            inFile.add(row.code());
        }
        Set<String> wanted = new HashSet<>();
        for (RegionCsv.Row row : rows) {
            if (row.parentCode() != null && !inFile.contains(row.parentCode())) {
                wanted.add(row.parentCode());
            }
        }
        Set<String> inTable = wanted.isEmpty() ? Set.of() : session.doReturningWork(connection -> existing(connection, wanted));
        for (RegionCsv.Row row : rows) {
            String parent = row.parentCode();
            if (parent != null && !inFile.contains(parent) && !inTable.contains(parent)) {
                RegionCsv.add(errors, errorCount, "line " + row.line(),
                        Message.of("region.csv.parent", "parent", parent, "code", row.code()));
            }
        }
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
            statement.execute("create temporary table region_import (code text, name text, level text, parent_code text)"
                    + " on commit drop");
        }
        StringBuilder data = new StringBuilder(rows.size() * 40);
        for (RegionCsv.Row row : rows) {
            data.append(row.code()).append(',').append(quote(row.name())).append(',').append(row.level().name())
                    .append(',').append(row.parentCode() == null ? "" : row.parentCode()).append('\n');
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
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
            int[] counts = { rs.getInt(1), rs.getInt(2), 0 };
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
