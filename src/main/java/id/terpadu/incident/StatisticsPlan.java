package id.terpadu.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.terpadu.common.security.Classification;
import id.terpadu.verification.Verification;

/**
 * How a statistics request is answered from the roll-ups of {@code incident_stat} (V33, V38, V43) instead of a scan of
 * the incidents: which cube, which periods of it, which deltas not yet moved into it and which hours straight from the
 * incidents, all in one statement (one snapshot), so that the answer is exactly the GROUP BY over the incidents.
 *
 * <p>The cube is the first of {@link #CUBES} (smallest first) that keeps every dimension the request groups or filters
 * by, the caller's region scope included. A period of whole WIB years is read from a cube that keeps the year when one
 * fits. Any other period [from, to) is cut into whole WIB months (from a month cube), the whole WIB days at its two
 * ends (from a day cube, when one keeps the other dimensions) and the hours left at the very ends: from the
 * incidents, or as the whole day less its other hours, whichever is shorter ({@link #days}); the whole hours of those
 * from the national hour cube when the request has no region, category, stage or severity ({@link #wholeHours}), and
 * only the minutes left from the incidents. A request with a filter or dimension no cube keeps (bbox, full text, lead
 * agency, a region below a kabupaten/kota, the kecamatan; an ISO week with category or stage) has no plan: it is
 * answered by the scan.
 *
 * <p>The same plan answers the incident statistics ({@link Measures#IMPACTS}) and the resolution table
 * ({@link Measures#RESOLUTION}); only what each group counts differs.
 */
final class StatisticsPlan {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /** From the coarsest: a cube of a finer grain answers for every coarser one. */
    enum TimeGrain {
        NONE,
        YEAR,
        MONTH,
        DAY,
        HOUR
    }

    enum RegionGrain {
        NONE,
        PROVINCE,
        KABKOTA
    }

    /** A roll-up of {@code incident_stat_cube} (V33, V38). */
    record Cube(int id, TimeGrain time, RegionGrain region, boolean category, boolean stage, boolean severity) {

        boolean covers(TimeGrain t, RegionGrain r, boolean c, boolean s, boolean v) {
            return time.compareTo(t) >= 0
                    && region.compareTo(r) >= 0
                    && (category || !c)
                    && (stage || !s)
                    && (severity || !v);
        }
    }

    /** The cubes, in the order they are tried: fewest rows first (at 1,000,000 generated incidents). */
    static final List<Cube> CUBES = List.of(
            new Cube(1, TimeGrain.NONE, RegionGrain.NONE, true, true, true),
            new Cube(5, TimeGrain.MONTH, RegionGrain.NONE, false, false, false),
            new Cube(3, TimeGrain.NONE, RegionGrain.KABKOTA, false, false, false),
            new Cube(11, TimeGrain.YEAR, RegionGrain.PROVINCE, false, true, false),
            new Cube(9, TimeGrain.DAY, RegionGrain.NONE, false, false, false),
            new Cube(6, TimeGrain.MONTH, RegionGrain.PROVINCE, false, false, false),
            new Cube(2, TimeGrain.NONE, RegionGrain.PROVINCE, true, true, true),
            new Cube(12, TimeGrain.YEAR, RegionGrain.KABKOTA, false, true, false),
            new Cube(8, TimeGrain.MONTH, RegionGrain.NONE, true, true, true),
            new Cube(7, TimeGrain.MONTH, RegionGrain.KABKOTA, false, false, false),
            new Cube(4, TimeGrain.NONE, RegionGrain.KABKOTA, true, true, true),
            new Cube(10, TimeGrain.DAY, RegionGrain.PROVINCE, false, false, false),
            // only ever for the hours a period cuts off its edge days (V43)
            new Cube(13, TimeGrain.HOUR, RegionGrain.NONE, false, false, false));

    /**
     * What each group counts, in the columns after its keys. Both count the incidents; the statistics then give each
     * impact's sum and how many reported it, the resolution table how many of them stand now in PEMULIHAN and how many
     * in SELESAI, over the incidents it counts as recorded ({@link Statistics#RESOLUTION_LEFT_OUT} left out).
     */
    enum Measures {
        IMPACTS,
        RESOLUTION
    }

    /** One native statement and its parameters. */
    record Sql(String text, Map<String, Object> parameters, List<Integer> cubes) {}

    /**
     * Periods of a cube as WIB wall-clock times ({@code null}: unbounded), with the same span as instants for its
     * deltas; counted once ({@code sign} 1) or taken off a day counted whole (-1).
     */
    private record CubePart(Cube cube, LocalDateTime fromPeriod, LocalDateTime toPeriod, int sign) {

        CubePart(Cube cube, LocalDate fromPeriod, LocalDate toPeriod) {
            this(
                    cube,
                    fromPeriod == null ? null : fromPeriod.atStartOfDay(),
                    toPeriod == null ? null : toPeriod.atStartOfDay(),
                    1);
        }
    }

    /** Time read straight from the incidents, counted once ({@code sign} 1) or taken off a day counted whole (-1). */
    private record Slice(Instant from, Instant to, int sign) {

        Slice(Instant from, Instant to) {
            this(from, to, 1);
        }
    }

    private final IncidentQuery q;
    private final List<Statistics.Dimension> groupBy;
    private final List<String> scope;
    private final Set<Classification> readable;
    private final List<String> categories;
    private final Measures measures;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<CubePart> cubeParts = new ArrayList<>();
    private final List<Slice> slices = new ArrayList<>();
    /** The hour cube, when it keeps every dimension of the request. */
    private Cube hourCube;

    private StatisticsPlan(
            IncidentQuery q,
            List<Statistics.Dimension> groupBy,
            List<String> scope,
            Set<Classification> readable,
            List<String> categories,
            Measures measures) {
        this.q = q;
        this.groupBy = groupBy;
        this.scope = scope;
        this.readable = readable;
        this.categories = categories;
        this.measures = measures;
    }

    /**
     * The statement that answers the request from the cubes, or empty when a filter needs the scan.
     *
     * @param scope the caller's region codes (empty: national)
     * @param readable the classifications the caller may read
     * @param categories the category filter with its sub-categories, or null
     */
    static Optional<Sql> of(
            IncidentQuery q,
            List<Statistics.Dimension> groupBy,
            List<String> scope,
            Set<Classification> readable,
            List<String> categories,
            int maxRows) {
        return of(q, groupBy, scope, readable, categories, Measures.IMPACTS, maxRows);
    }

    /** The same, counting what {@code measures} says. */
    static Optional<Sql> of(
            IncidentQuery q,
            List<Statistics.Dimension> groupBy,
            List<String> scope,
            Set<Classification> readable,
            List<String> categories,
            Measures measures,
            int maxRows) {
        if (q.bbox() != null || q.text() != null || q.leadAgencyId() != null) {
            return Optional.empty();
        }
        StatisticsPlan plan = new StatisticsPlan(q, groupBy, scope, readable, categories, measures);
        if (!plan.parts()) {
            return Optional.empty();
        }
        plan.wholeHours();
        return Optional.of(plan.sql(maxRows));
    }

    /** Cuts the request into cube periods and incident hours; false when no cube keeps what it needs. */
    private boolean parts() {
        if (groupBy.contains(Statistics.Dimension.KECAMATAN)) {
            // no cube keeps a region below the kabupaten/kota
            return false;
        }
        RegionGrain region = groupBy.contains(Statistics.Dimension.KABKOTA)
                ? RegionGrain.KABKOTA
                : groupBy.contains(Statistics.Dimension.PROVINCE) ? RegionGrain.PROVINCE : RegionGrain.NONE;
        List<String> codes = new ArrayList<>(scope);
        if (q.region() != null) {
            codes.add(q.region());
        }
        for (String code : codes) {
            RegionGrain needed = switch (code.length()) {
                case 2 -> RegionGrain.PROVINCE;
                case 5 -> RegionGrain.KABKOTA;
                default -> null;
            };
            if (needed == null) {
                return false;
            }
            region = needed.compareTo(region) > 0 ? needed : region;
        }
        boolean category = groupBy.contains(Statistics.Dimension.CATEGORY)
                || groupBy.contains(Statistics.Dimension.PARENT_CATEGORY)
                || categories != null;
        boolean stage =
                groupBy.contains(Statistics.Dimension.STAGE) || q.stage() != null || measures == Measures.RESOLUTION;
        boolean severity = q.severityMin() != null || q.severityMax() != null;
        Instant from = q.from();
        Instant to = q.to();
        boolean timed = from != null || to != null;
        // a year is whole months, an ISO week whole days (a week may straddle two months or years); a period of
        // whole WIB years needs no finer grain than the year
        boolean wholeYears = yearStart(from) && yearStart(to);
        TimeGrain time = groupBy.contains(Statistics.Dimension.ISO_WEEK)
                ? TimeGrain.DAY
                : groupBy.contains(Statistics.Dimension.MONTH) || (timed && !wholeYears)
                        ? TimeGrain.MONTH
                        : timed || groupBy.contains(Statistics.Dimension.YEAR) ? TimeGrain.YEAR : TimeGrain.NONE;
        Cube main = first(time, region, category, stage, severity);
        hourCube = first(TimeGrain.HOUR, region, category, stage, severity);
        if (main == null) {
            return false;
        }
        if (!timed) {
            cubeParts.add(new CubePart(main, null, null));
            return true;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            slices.add(new Slice(from, to));
            return true;
        }
        if (main.time() == TimeGrain.YEAR) {
            // whole years: the period's first days are the cube's periods
            cubeParts.add(new CubePart(main, from == null ? null : floorDay(from), to == null ? null : floorDay(to)));
            return true;
        }
        Cube days = first(TimeGrain.DAY, region, category, stage, severity);
        if (main.time() == TimeGrain.DAY) {
            days(main, from, to);
            return true;
        }
        LocalDate monthFrom = from == null ? null : ceilMonth(from);
        LocalDate monthTo = to == null ? null : floorMonth(to);
        if (monthFrom != null && monthTo != null && !monthFrom.isBefore(monthTo)) {
            edge(days, from, to);
            return true;
        }
        cubeParts.add(new CubePart(main, monthFrom, monthTo));
        if (from != null && from.isBefore(start(monthFrom))) {
            edge(days, from, start(monthFrom));
        }
        if (to != null && start(monthTo).isBefore(to)) {
            edge(days, start(monthTo), to);
        }
        return true;
    }

    private static Cube first(TimeGrain time, RegionGrain region, boolean category, boolean stage, boolean severity) {
        return CUBES.stream()
                .filter(c -> c.covers(time, region, category, stage, severity))
                .findFirst()
                .orElse(null);
    }

    /** The part of a period within two months' ends: whole days from a day cube if one fits, the rest in hours. */
    private void edge(Cube days, Instant from, Instant to) {
        if (days == null) {
            slices.add(new Slice(from, to));
        } else {
            days(days, from, to);
        }
    }

    /**
     * Whole WIB days from a day cube, and the hours of a day the period cuts at either end: those hours from the
     * incidents, or the whole day from the cube less the day's other hours from the incidents, whichever reads fewer
     * incidents. Fewer hours stand for fewer incidents; an hour yet to come counts as none. From 07:00 WIB (midnight
     * UTC) that takes the 7 hours before it instead of the 17 after, and a period that ends now takes today whole, less
     * what is recorded as still to come.
     */
    private void days(Cube days, Instant from, Instant to) {
        LocalDate dayFrom = from == null ? null : ceilDay(from);
        LocalDate dayTo = to == null ? null : floorDay(to);
        if (dayFrom != null && dayTo != null && dayFrom.isAfter(dayTo)) {
            // within one day
            slices.add(new Slice(from, to));
            return;
        }
        Instant now = Instant.now();
        List<Slice> hours = new ArrayList<>();
        if (from != null && from.isBefore(start(dayFrom))) {
            Instant dayStart = start(dayFrom.minusDays(1));
            if (secondsBefore(now, dayStart, from) < secondsBefore(now, from, start(dayFrom))) {
                dayFrom = dayFrom.minusDays(1);
                hours.add(new Slice(dayStart, from, -1));
            } else {
                hours.add(new Slice(from, start(dayFrom)));
            }
        }
        if (to != null && start(dayTo).isBefore(to)) {
            Instant dayEnd = start(dayTo.plusDays(1));
            if (secondsBefore(now, to, dayEnd) < secondsBefore(now, start(dayTo), to)) {
                hours.add(new Slice(to, dayEnd, -1));
                dayTo = dayTo.plusDays(1);
            } else {
                hours.add(new Slice(start(dayTo), to));
            }
        }
        if (dayFrom == null || dayTo == null || dayFrom.isBefore(dayTo)) {
            cubeParts.add(new CubePart(days, dayFrom, dayTo));
        }
        slices.addAll(hours);
    }

    /**
     * The whole WIB hours of each slice from the hour cube when it keeps what the request needs (no region, category,
     * stage or severity): what is left to read from the incidents is then the minutes before the first whole hour and
     * after the last, none for a period given in whole hours.
     */
    private void wholeHours() {
        if (hourCube == null) {
            return;
        }
        List<Slice> cut = new ArrayList<>();
        for (Slice slice : slices) {
            Instant first = slice.from().truncatedTo(ChronoUnit.HOURS);
            first = first.equals(slice.from()) ? first : first.plus(1, ChronoUnit.HOURS);
            Instant last = slice.to().truncatedTo(ChronoUnit.HOURS);
            if (!first.isBefore(last)) {
                cut.add(slice);
                continue;
            }
            cubeParts.add(new CubePart(hourCube, wib(first), wib(last), slice.sign()));
            if (slice.from().isBefore(first)) {
                cut.add(new Slice(slice.from(), first, slice.sign()));
            }
            if (last.isBefore(slice.to())) {
                cut.add(new Slice(last, slice.to(), slice.sign()));
            }
        }
        slices.clear();
        slices.addAll(cut);
    }

    /** WIB wall-clock time, as a cube's period (WIB is UTC+7 all year: its hours are UTC's). */
    private static LocalDateTime wib(Instant instant) {
        return LocalDateTime.ofInstant(instant, WIB);
    }

    /** The seconds of [from, to) before {@code now}: what reading them from the incidents is taken to cost. */
    private static long secondsBefore(Instant now, Instant from, Instant to) {
        Instant end = to.isAfter(now) ? now : to;
        return end.isAfter(from) ? Duration.between(from, end).getSeconds() : 0;
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(WIB).toInstant();
    }

    static Instant start(LocalDateTime wallClock) {
        return wallClock.atZone(WIB).toInstant();
    }

    static LocalDate floorDay(Instant instant) {
        return instant.atZone(WIB).toLocalDate();
    }

    static LocalDate ceilDay(Instant instant) {
        LocalDate day = floorDay(instant);
        return start(day).equals(instant) ? day : day.plusDays(1);
    }

    /** Whether an instant (null: unbounded) is the start of a WIB year. */
    static boolean yearStart(Instant instant) {
        return instant == null || start(floorDay(instant).withDayOfYear(1)).equals(instant);
    }

    static LocalDate floorMonth(Instant instant) {
        return floorDay(instant).withDayOfMonth(1);
    }

    static LocalDate ceilMonth(Instant instant) {
        LocalDate month = floorMonth(instant);
        return start(month).equals(instant) ? month : month.plusMonths(1);
    }

    // ---- the statement

    private enum Source {
        CUBE,
        DELTA,
        INCIDENT
    }

    private static final String[] METRIC_COLUMNS = {
        "killed", "injured", "sexual_violence", "buildings_damaged", "displaced"
    };

    private Sql sql(int maxRows) {
        List<String> selects = new ArrayList<>();
        Map<Integer, List<String>> deltaRanges = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (CubePart part : cubeParts) {
            List<String> where = new ArrayList<>();
            where.add("cube = " + part.cube().id());
            if (part.cube().region() == RegionGrain.NONE) {
                // said, although it is the only value: the key is (cube, region, period, …), and only with the
                // region known can a period's bounds narrow a read of the key (ISO weeks of a year from the day cube)
                where.add("region = ''");
            }
            if (part.fromPeriod() != null) {
                where.add("period >= " + bind(part.fromPeriod()));
            }
            if (part.toPeriod() != null) {
                where.add("period < " + bind(part.toPeriod()));
            }
            selects.add(select(Source.CUBE, part.cube(), part.sign(), where, "incident_stat"));
            List<String> range = new ArrayList<>();
            if (part.fromPeriod() != null) {
                range.add("occurred_from >= " + bind(start(part.fromPeriod())));
            }
            if (part.toPeriod() != null) {
                range.add("occurred_from < " + bind(start(part.toPeriod())));
            }
            deltaRanges
                    .computeIfAbsent(part.sign(), sign -> new ArrayList<>())
                    .add(range.isEmpty() ? "true" : String.join(" and ", range));
        }
        deltaRanges.forEach((sign, ranges) -> selects.add(select(
                Source.DELTA,
                null,
                sign,
                List.of("((" + String.join(") or (", ranges) + "))"),
                "incident_stat_delta")));
        for (int sign : new int[] {1, -1}) {
            List<String> ranges = new ArrayList<>();
            for (Slice slice : slices) {
                if (slice.sign() == sign) {
                    ranges.add("occurred_from >= " + bind(slice.from()) + " and occurred_from < " + bind(slice.to()));
                }
            }
            if (!ranges.isEmpty()) {
                selects.add(select(
                        Source.INCIDENT, null, sign, List.of("((" + String.join(") or (", ranges) + "))"), "incident"));
            }
        }
        StringBuilder sql = new StringBuilder("select ");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < groupBy.size(); i++) {
            keys.add("k" + i);
        }
        for (int i = 0; i < keys.size(); i++) {
            sql.append(label(groupBy.get(i), keys.get(i))).append(", ");
        }
        // Summed as float8, not as the bigint they are: PostgreSQL sums a bigint into a numeric, which made summing
        // the 9,000 rows of the province × month cube a third of the statement's time (32 ms against 25 ms). A float8
        // sum of integers is exact while every partial sum stays below 2^53; an incident reports at most 1,000,000 of
        // each impact, so that takes 9,000,000,000 incidents.
        sql.append("coalesce(sum(incidents::float8), 0)::bigint");
        if (measures == Measures.RESOLUTION) {
            for (Stage resolved : List.of(Stage.PEMULIHAN, Stage.SELESAI)) {
                sql.append(", coalesce(sum(incidents::float8) filter (where stage = ")
                        .append(bind(resolved.name()))
                        .append("), 0)::bigint");
            }
        } else {
            for (String metric : METRIC_COLUMNS) {
                sql.append(", sum(")
                        .append(metric)
                        .append("::float8)::bigint, coalesce(sum(")
                        .append(metric)
                        .append("_reported::float8), 0)::bigint");
            }
        }
        sql.append(" from (").append(String.join(" union all ", selects)).append(") p");
        if (!keys.isEmpty()) {
            sql.append(" group by ").append(String.join(", ", keys));
            sql.append(" having sum(incidents::float8) <> 0 order by ");
            List<String> order = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                order.add(dated(groupBy.get(i)) ? keys.get(i) : keys.get(i) + " collate \"C\"");
            }
            sql.append(String.join(", ", order));
        }
        sql.append(" limit ").append(maxRows);
        return new Sql(
                sql.toString(),
                parameters,
                cubeParts.stream().map(p -> p.cube().id()).toList());
    }

    /** One source's rows, each counted {@code sign} times (-1: hours taken off a day counted whole). */
    private String select(Source source, Cube cube, int sign, List<String> where, String table) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < groupBy.size(); i++) {
            sql.append(key(source, cube, groupBy.get(i)))
                    .append(" as k")
                    .append(i)
                    .append(", ");
        }
        String minus = sign < 0 ? "-" : "";
        String n = minus
                + switch (source) {
                    case CUBE -> "incidents";
                    case DELTA -> "n";
                    case INCIDENT -> "1";
                };
        sql.append(n).append(" as incidents");
        if (measures == Measures.RESOLUTION) {
            sql.append(", stage");
        }
        for (String metric : measures == Measures.IMPACTS ? METRIC_COLUMNS : new String[0]) {
            sql.append(", ").append(minus).append(metric).append(" as ").append(metric);
            if (source == Source.CUBE) {
                sql.append(", ")
                        .append(minus)
                        .append(metric)
                        .append("_reported as ")
                        .append(metric)
                        .append("_reported");
            } else {
                sql.append(", case when ")
                        .append(metric)
                        .append(" is null then 0 else ")
                        .append(n)
                        .append(" end as ")
                        .append(metric)
                        .append("_reported");
            }
        }
        sql.append(" from ").append(table).append(" where ");
        List<String> all = new ArrayList<>(where);
        all.addAll(filters(source, cube));
        sql.append(String.join(" and ", all));
        return sql.toString();
    }

    /**
     * A dimension's key inside the union, for one source. Where a cube keeps exactly the dimension's grain it is the
     * column itself, so that nothing is worked out per row: a time key is the start of its period in WIB, as a
     * timestamp, formatted only after grouping ({@link #label}). Working out {@code to_char} and {@code substr} for
     * each of the 34,000 rows of the kabupaten/kota × year cube was half of the resolution table's statement at
     * 10,000,000 incidents (66 ms against 32).
     */
    private static String key(Source source, Cube cube, Statistics.Dimension dimension) {
        boolean rows = source == Source.CUBE;
        String region = rows ? "region" : "region_code";
        return switch (dimension) {
            case CATEGORY -> "category_code";
            case STAGE -> "stage";
            case PROVINCE -> rows && cube.region() == RegionGrain.PROVINCE ? "region" : "substr(" + region + ", 1, 2)";
            case KABKOTA -> rows && cube.region() == RegionGrain.KABKOTA ? "region" : "substr(" + region + ", 1, 5)";
            case MONTH -> period(rows ? cube : null, TimeGrain.MONTH, "month");
            case YEAR -> period(rows ? cube : null, TimeGrain.YEAR, "year");
            case ISO_WEEK -> period(rows ? cube : null, null, "week");
            case PARENT_CATEGORY -> "conflict_category_root(category_code)";
            case KECAMATAN -> throw new IllegalStateException("no cube keeps the kecamatan");
        };
    }

    /**
     * The start of the period in WIB wall-clock time (a PostgreSQL {@code date_trunc} unit; an ISO week starts on
     * Monday) of a cube's row ({@code cube} not null: its period is the start of a WIB year, month, day or hour) or of
     * an incident or delta.
     */
    private static String period(Cube cube, TimeGrain grain, String unit) {
        if (cube == null) {
            return "date_trunc('" + unit + "', occurred_from at time zone 'Asia/Jakarta')";
        }
        return cube.time() == grain ? "period" : "date_trunc('" + unit + "', period)";
    }

    /** A dimension's key as the answer gives it, from the grouped key {@code k}. */
    private static String label(Statistics.Dimension dimension, String k) {
        return switch (dimension) {
            case MONTH -> "to_char(" + k + ", 'YYYY-MM')";
            case YEAR -> "to_char(" + k + ", 'YYYY')";
            case ISO_WEEK -> "to_char(" + k + ", 'IYYY-\"W\"IW')";
            default -> k;
        };
    }

    /** Whether a dimension's key is a date until {@link #label}; it sorts as the label does. */
    private static boolean dated(Statistics.Dimension dimension) {
        return dimension == Statistics.Dimension.MONTH
                || dimension == Statistics.Dimension.YEAR
                || dimension == Statistics.Dimension.ISO_WEEK;
    }

    /** The request's filters, the caller's scope and clearance, over a source's columns. */
    private List<String> filters(Source source, Cube cube) {
        List<String> where = new ArrayList<>();
        if (!scope.isEmpty()) {
            where.add("("
                    + String.join(
                            " or ", scope.stream().map(c -> region(source, c)).toList()) + ")");
        }
        if (q.region() != null) {
            where.add(region(source, q.region()));
        }
        List<String> classifications = readable.stream()
                .filter(c -> q.classification() == null || q.classification() == c)
                .map(Enum::name)
                .sorted()
                .toList();
        where.add(classifications.isEmpty() ? "false" : "classification in " + bind(classifications));
        if (q.verification() != null) {
            where.add("verification = " + bind(q.verification().name()));
        }
        if (measures == Measures.RESOLUTION) {
            where.add("verification not in "
                    + bind(Statistics.RESOLUTION_LEFT_OUT.stream()
                            .map(Enum::name)
                            .toList()));
        }
        if (q.duplicates() == IncidentQuery.Duplicates.EXCLUDE) {
            where.add("verification <> " + bind(Verification.DUPLIKAT.name()));
        } else if (q.duplicates() == IncidentQuery.Duplicates.ONLY) {
            where.add("verification = " + bind(Verification.DUPLIKAT.name()));
        }
        if (categories != null) {
            where.add("category_code in " + bind(categories));
        }
        if (q.stage() != null) {
            where.add("stage = " + bind(q.stage().name()));
        }
        if (q.severityMin() != null) {
            where.add("severity >= " + bind(q.severityMin().shortValue()));
        }
        if (q.severityMax() != null) {
            where.add("severity <= " + bind(q.severityMax().shortValue()));
        }
        return where;
    }

    /** {@code code} and everything below it, over a source's region columns. */
    private String region(Source source, String code) {
        return switch (source) {
            // a range rather than like: a prepared statement's generic plan still reads the key's index by it
            case CUBE ->
                "(region = " + bind(code) + " or (region >= " + bind(code + ".") + " and region < " + bind(code + "/")
                        + "))";
            case DELTA -> "(region_code = " + bind(code) + " or region_code like " + bind(code + ".%") + ")";
            case INCIDENT ->
                code.length() == 2
                        ? "province_code = " + bind(code)
                        : code.length() == 5
                                ? "kabkota_code = " + bind(code)
                                : "(region_code = " + bind(code) + " or region_code like " + bind(code + ".%") + ")";
        };
    }

    private String bind(Object value) {
        String name = "p" + parameters.size();
        if (value instanceof Instant instant) {
            // as text with its offset: a bound Instant would be read in the connection's time zone
            parameters.put(name, instant.toString());
            return "cast(:" + name + " as timestamptz)";
        }
        if (value instanceof LocalDateTime wallClock) {
            parameters.put(name, wallClock.toString());
            return "cast(:" + name + " as timestamp)";
        }
        parameters.put(name, value);
        return value instanceof List<?> ? "(:" + name + ")" : ":" + name;
    }
}
