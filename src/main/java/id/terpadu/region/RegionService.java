package id.terpadu.region;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import id.terpadu.common.changelog.ChangeLog;
import id.terpadu.common.changelog.Operation;
import id.terpadu.common.changelog.RecordType;
import id.terpadu.common.csv.CsvRecords;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.paging.Filter;
import id.terpadu.common.paging.Page;
import id.terpadu.common.paging.PageRequest;
import id.terpadu.common.region.RegionCode;
import id.terpadu.common.region.RegionLevel;
import id.terpadu.common.security.Caller;
import id.terpadu.common.security.RegionScope;

/** Regions: lookups, children, search, and the all-or-nothing import of the Kemendagri code list. */
@ApplicationScoped
public class RegionService {

    /** The detail of a refused import: how many lines are bad, and how many of them are listed. */
    private static final java.util.function.BiFunction<Integer, Integer, Message> IMPORT_REFUSED =
            (count, listed) -> count > listed
                    ? Message.of("region.import.invalid.first", "count", count, "listed", listed)
                    : Message.of("region.import.invalid", "count", count);

    /** Region imports: logged, never published. */
    @Produces
    public static final RecordType IMPORT = RecordType.internal("region-import", ImportResult.class);

    private final RegionRepository regions;
    private final ChangeLog changeLog;
    private final Caller caller;
    /** Region codes known to exist (at most the 91,599 of the official list). */
    private final Set<String> known = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RegionService(RegionRepository regions, ChangeLog changeLog, Caller caller) {
        this.regions = regions;
        this.changeLog = changeLog;
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Region get(String code) {
        Region region = RegionCode.isValid(code) ? regions.findById(code) : null;
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
        boolean found = regions.exists(code);
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
        return regions.names(codes);
    }

    /**
     * The current (not retired) regions whose code has {@code length} characters (2: the provinces, 5: the
     * kabupaten/kota) within {@code scope} and below {@code within} (null: anywhere), code to name in code order, at most
     * {@code max}: the rows of a table by region that lists a region without records too.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> current(int length, RegionScope scope, String within, int max) {
        // by the levels of such codes, which their index (region_level) finds among the tens of thousands of villages
        // that a condition on the code's length alone would read
        List<RegionLevel> levels = switch (length) {
            case 2 -> List.of(RegionLevel.PROVINSI);
            case 5 -> List.of(RegionLevel.KABUPATEN, RegionLevel.KOTA);
            default -> throw new IllegalArgumentException("no table by regions of " + length + " characters");
        };
        Filter filter = scope.restrict(new Filter(), "r.code")
                .and("r.level in :?", levels)
                .and("length(r.code) = :?", length);
        filter.and("r.retiredAt is null");
        if (within != null) {
            RegionScope.Columns.of("r.code").within(filter, within);
        }
        Map<String, String> found = new java.util.LinkedHashMap<>();
        regions.codesAndNames(filter, max).forEach(row -> found.put((String) row[0], (String) row[1]));
        return found;
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
        return regions.page(filter, page).map(RegionResponse::from);
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
        RegionCsv.Parsed parsed = RegionCsv.parse(csv);
        CsvRecords.Problems problems = parsed.problems();
        List<RegionCsv.Row> rows = parsed.rows();
        if (!problems.any() && rows.isEmpty()) {
            problems.add("body", Message.of("region.csv.no-lines"));
        }
        if (!problems.any()) {
            checkParents(rows, problems);
        }
        if (problems.any()) {
            throw problems.refusal(IMPORT_REFUSED);
        }
        int[] counts = regions.importRows(rows, complete);
        ImportResult result = new ImportResult(
                rows.size(),
                counts[0],
                counts[1],
                rows.size() - counts[0] - counts[1],
                counts[2],
                (System.nanoTime() - started) / 1_000_000);
        Log.infof(
                "Region import: %d lines, %d inserted, %d updated, %d retired in %d ms",
                result.received(), result.inserted(), result.updated(), result.retired(), result.elapsedMillis());
        return result;
    }

    private void checkParents(List<RegionCsv.Row> rows, CsvRecords.Problems problems) {
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
        Set<String> inTable = wanted.isEmpty() ? Set.of() : regions.existing(wanted);
        for (RegionCsv.Row row : rows) {
            String parent = row.parentCode();
            if (parent != null && !inFile.contains(parent) && !inTable.contains(parent)) {
                problems.add(
                        "line " + row.line(), Message.of("region.csv.parent", "parent", parent, "code", row.code()));
            }
        }
    }
}
