package id.terpadu.incident;

import static id.terpadu.support.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.security.Classification;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * The statistics secretariats ask for (issue 20): incidents by year, ISO week, kecamatan and top-level category; early
 * warnings and tasks counted; the share of conflicts resolved per region and year. Each answer equals the GROUP BY over
 * the records that its caller may list, for a national administrator, a province's coordinator and an analyst cleared
 * for CONFIDENTIAL, with deltas pending and after compaction; and a few are checked against numbers worked out by hand
 * from records of 2011 in Kabupaten Wonosobo (33.07) and its kecamatan Wadaslintang (33.07.01).
 */
@QuarkusTest
class SecretariatStatisticsTest {

    private static volatile UUID bin;
    private static UUID polres;
    private static UUID satpol;

    @Inject
    DataSource dataSource;

    @Inject
    StatisticsCompaction compaction;

    @BeforeEach
    void seed() {
        TestData.ensureRegions();
        if (bin != null) {
            return;
        }
        UUID binda = TestData.createAgency(TestData.unique("Binda Jawa Tengah"), "BIN", "33");
        // incidents of 2011 (and the edges of the year in WIB), written behind the API's back like a bulk load: the
        // triggers count them all the same
        String original = UUID.randomUUID().toString();
        incident(
                original,
                "33.07.01",
                "SENGKETA_LAHAN",
                "PEMULIHAN",
                "RESTRICTED",
                "TERVERIFIKASI",
                null,
                "2011-06-15T03:00:00Z");
        incident(
                null,
                "33.07",
                "POLITIK_PILKADA",
                "PENCEGAHAN",
                "RESTRICTED",
                "BELUM_DIVERIFIKASI",
                null,
                "2011-03-01T02:00:00Z");
        // 01:00 on 1 January 2012 in WIB: year 2012, ISO week 2011-W52
        incident(
                null,
                "33.07.01",
                "POLITIK_PEMILU",
                "PENGHENTIAN",
                "PUBLIC",
                "BELUM_DIVERIFIKASI",
                null,
                "2011-12-31T18:00:00Z");
        incident(
                null,
                "33.07",
                "SENGKETA_LAHAN",
                "SELESAI",
                "RESTRICTED",
                "BELUM_DIVERIFIKASI",
                null,
                "2011-07-01T05:00:00Z");
        incident(
                null,
                "33.07",
                "EKONOMI",
                "SELESAI",
                "CONFIDENTIAL",
                "BELUM_DIVERIFIKASI",
                null,
                "2011-08-01T05:00:00Z");
        incident(null, "33.07", "EKONOMI", "SELESAI", "RESTRICTED", "TIDAK_VALID", null, "2011-09-01T05:00:00Z");
        incident(null, "33.07.01", "SARA_AGAMA", "PEMULIHAN", "PUBLIC", "DUPLIKAT", original, "2011-10-01T05:00:00Z");
        incident(
                null,
                "13.71",
                "SARA_AGAMA",
                "SELESAI",
                "RESTRICTED",
                "BELUM_DIVERIFIKASI",
                null,
                "2011-05-05T05:00:00Z");
        // 23:30 on 31 December 2010 in WIB: year 2010
        incident(
                null,
                "33.07",
                "POLITIK_PILKADES",
                "PENGHENTIAN",
                "PUBLIC",
                "BELUM_DIVERIFIKASI",
                null,
                "2010-12-31T16:30:00Z");

        String warningOriginal = UUID.randomUUID().toString();
        warning(
                warningOriginal,
                "33.07",
                "POLITIK_PILKADA",
                "TINGGI",
                "DIPANTAU",
                "RESTRICTED",
                null,
                "2011-04-02T01:00:00Z");
        warning(null, "33", "POLITIK_PEMILU", "SEDANG", "TERIDENTIFIKASI", "PUBLIC", null, "2011-04-20T01:00:00Z");
        warning(null, "33.07.01", "SENGKETA_LAHAN", "TINGGI", "DIPANTAU", "CONFIDENTIAL", null, "2011-05-02T01:00:00Z");
        warning(
                null,
                "33.07",
                "POLITIK_PILKADA",
                "TINGGI",
                "DIPANTAU",
                "RESTRICTED",
                warningOriginal,
                "2011-04-03T01:00:00Z");
        warning(null, "13.71", "EKONOMI", "RENDAH", "REDA", "RESTRICTED", null, "2011-06-02T01:00:00Z");

        polres = TestData.createAgency(TestData.unique("Polres Wonosobo"), "POLRI", "33.07");
        satpol = TestData.createAgency(TestData.unique("Satpol PP Wonosobo"), "OPD", "33.07");
        String incidentOf2011 = original;
        String confidential = Db.single(
                "select id::text from incident where classification = 'CONFIDENTIAL' and region_code = '33.07' "
                        + "and occurred_from = '2011-08-01T05:00:00Z'");
        String outside = Db.single(
                "select id::text from incident where region_code = '13.71' and occurred_from = '2011-05-05T05:00:00Z'");
        task("incident_id", incidentOf2011, polres, "ALERTED", "-3 days");
        task("incident_id", incidentOf2011, polres, "ACTIVE", "+5 days");
        task("incident_id", incidentOf2011, satpol, "DONE", "-10 days");
        task("incident_id", confidential, polres, "ACKNOWLEDGED", "-1 days");
        task("incident_id", outside, satpol, "ALERTED", "-2 days");
        task("warning_id", warningOriginal, satpol, "ACTIVE", "-4 days");
        bin = binda;
    }

    // ---- the callers and their GROUP BYs

    private record Caller(
            String name,
            Supplier<RequestSpecification> spec,
            Function<String, String> scope,
            List<String> classifications) {

        String readable(String column) {
            return column + " in ('" + String.join("', '", classifications) + "')";
        }
    }

    private List<Caller> callers() {
        Function<String, String> province33 = column -> "(" + column + " = '33' or " + column + " like '33.%')";
        return List.of(
                new Caller(
                        "national admin",
                        () -> as("admin.secretariat", List.of("ADMIN"), List.of()),
                        column -> "true",
                        List.of("PUBLIC", "RESTRICTED")),
                new Caller(
                        "coordinator of 33",
                        () -> as("coordinator.jateng", List.of("COORDINATOR"), List.of("33")),
                        province33,
                        List.of("PUBLIC", "RESTRICTED")),
                new Caller(
                        "BIN analyst of 33",
                        () -> as("analyst.binda.jateng", List.of("ANALYST"), List.of("33"), bin),
                        province33,
                        List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL")));
    }

    private static final Map<String, String> INCIDENT_KEYS = Map.of(
            "category", "category_code",
            "parentCategory", "conflict_category_root(category_code)",
            "stage", "stage",
            "province", "province_code",
            "kabkota", "kabkota_code",
            "kecamatan", "case when length(region_code) >= 8 then substr(region_code, 1, 8) end",
            "month", "to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY-MM')",
            "year", "to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY')",
            "isoWeek", "to_char(occurred_from at time zone 'Asia/Jakarta', 'IYYY-\"W\"IW')");

    private record Case(String query, String where) {}

    private static final String YEAR_2011 =
            "occurred_from >= '2010-12-31T17:00:00Z' and occurred_from < '2011-12-31T17:00:00Z'";

    private static final List<Case> INCIDENT_CASES = List.of(
            new Case("groupBy=year", "true"),
            new Case("groupBy=province,year", "true"),
            new Case("groupBy=isoWeek", "true"),
            new Case("groupBy=province,isoWeek", "true"),
            new Case(
                    "groupBy=isoWeek,year&from=2011-12-24T17:00:00Z&to=2012-01-07T17:00:00Z",
                    "occurred_from >= '2011-12-24T17:00:00Z' and occurred_from < '2012-01-07T17:00:00Z'"),
            new Case("groupBy=parentCategory,stage", "true"),
            new Case("groupBy=parentCategory,category&region=33", "province_code = '33'"),
            new Case("groupBy=kecamatan&region=33.07", "kabkota_code = '33.07'"),
            new Case(
                    "groupBy=kecamatan,parentCategory,year&from=2010-12-31T17:00:00Z" + "&to=2011-12-31T17:00:00Z",
                    YEAR_2011),
            new Case("groupBy=isoWeek,category&region=33", "province_code = '33'"),
            new Case(
                    "groupBy=year,stage&category=SENGKETA_SDA", "category_code in ('SENGKETA_SDA', 'SENGKETA_LAHAN')"));

    @Test
    void theNewDimensionsEqualTheGroupByOverWhatEachCallerMayList() {
        // written just now, so pending as deltas; then moved into the cubes
        compareIncidents();
        compaction.compact();
        compareIncidents();

        // worked out by hand: Wadaslintang holds one 2011 incident a coordinator may count (its duplicate is left
        // out), the rest of Wonosobo three (the CONFIDENTIAL one is not among them; the invalid one counts, as in
        // every incident statistic)
        JsonPath byKecamatan = get(
                callers().get(1),
                "/api/v1/statistics/incidents?groupBy=kecamatan&region=33.07&from=2010-12-31T17:00:00Z"
                        + "&to=2011-12-31T17:00:00Z");
        assertThat(lines(byKecamatan, List.of("kecamatan"), List.of("incidents")))
                .containsExactly("33.07.01|1", "null|3");
        // the first hour of 2012 in WIB lies in ISO week 52 of 2011, from the province's day cube (whole WIB days)
        // and from the scan
        for (String region : List.of("33", "33.07")) {
            assertThat(lines(
                            get(
                                    callers().get(0),
                                    "/api/v1/statistics/incidents?groupBy=year,isoWeek&region=" + region
                                            + "&from=2011-12-30T17:00:00Z&to=2012-01-01T17:00:00Z"),
                            List.of("year", "isoWeek"),
                            List.of("incidents")))
                    .as(region)
                    .containsExactly("2012|2011-W52|1");
        }
        // the election sub-categories roll up into POLITIK: a coordinator counts the Pilkada of March 2011; the
        // analyst cleared for CONFIDENTIAL counts the EKONOMI one the coordinator may not see
        String rolledUp = "/api/v1/statistics/incidents?groupBy=parentCategory&region=33.07"
                + "&from=2010-12-31T17:00:00Z&to=2011-12-31T17:00:00Z";
        assertThat(lines(get(callers().get(1), rolledUp), List.of("parentCategory"), List.of("incidents")))
                .containsExactly("EKONOMI|1", "POLITIK|1", "SENGKETA_SDA|2");
        assertThat(lines(get(callers().get(2), rolledUp), List.of("parentCategory"), List.of("incidents")))
                .containsExactly("EKONOMI|2", "POLITIK|1", "SENGKETA_SDA|2");
    }

    private void compareIncidents() {
        for (Caller caller : callers()) {
            for (Case c : INCIDENT_CASES) {
                JsonPath answer = get(caller, "/api/v1/statistics/incidents?" + c.query());
                List<String> groupBy = answer.getList("groupBy", String.class);
                String where = caller.scope().apply("region_code") + " and " + caller.readable("classification")
                        + " and verification <> 'DUPLIKAT' and " + c.where();
                List<String> keys = groupBy.stream().map(INCIDENT_KEYS::get).toList();
                assertThat(lines(answer, groupBy, List.of("incidents")))
                        .as("%s as %s", c.query(), caller.name())
                        .isEqualTo(reference(keys, List.of("count(*)"), "incident", where, true));
            }
        }
    }

    @Test
    void theCubesAnswerYearWeekAndRollUpAndTheScanTheKecamatan() {
        var readable = EnumSet.of(Classification.PUBLIC, Classification.RESTRICTED);
        Map<String, List<Integer>> expected = Map.of(
                "year", List.of(5),
                "province,year", List.of(11),
                "isoWeek", List.of(9),
                "province,isoWeek", List.of(10),
                "parentCategory,stage", List.of(1),
                "parentCategory,month", List.of(8));
        expected.forEach((groupBy, cubes) -> assertThat(StatisticsPlan.of(
                                query(null), Statistics.Dimension.parse(groupBy), List.of(), readable, null, 10_001)
                        .orElseThrow()
                        .cubes())
                .as(groupBy)
                .isEqualTo(cubes));
        for (String scanned : List.of("kecamatan", "isoWeek,category", "year,kecamatan")) {
            assertThat(StatisticsPlan.of(
                            query(null), Statistics.Dimension.parse(scanned), List.of(), readable, null, 10_001))
                    .as(scanned)
                    .isEmpty();
        }
    }

    // ---- the share resolved

    @Test
    void theShareResolvedCountsRecoveringAndClosedIncidentsOfWhatTheCallerMayList() {
        // a closed incident written just now, so pending as a delta; then everything moved into the cubes
        incident(null, "13.77", "EKONOMI", "SELESAI", "PUBLIC", "TERVERIFIKASI", null, "2013-03-03T03:00:00Z");
        compareResolution();
        compaction.compact();
        compareResolution();
    }

    private void compareResolution() {
        // Wonosobo 2011 for its coordinator: three recorded (the CONFIDENTIAL one unseen, the invalid one and the
        // duplicate left out), one in PEMULIHAN and one SELESAI
        JsonPath coordinator = get(callers().get(1), "/api/v1/statistics/resolution?level=kabkota&year=2011&region=33");
        assertThat(coordinator.getString("level")).isEqualTo("kabkota");
        assertThat(resolution(coordinator, "33.07")).isEqualTo("Kabupaten Wonosobo|2011|3|1|1|2|0.6667");
        assertThat(coordinator.getList("rows.region", String.class)).allMatch(r -> r.startsWith("33."));
        // the analyst cleared for CONFIDENTIAL counts the closed CONFIDENTIAL one too
        JsonPath analyst = get(callers().get(2), "/api/v1/statistics/resolution?level=kabkota&year=2011");
        assertThat(resolution(analyst, "33.07")).isEqualTo("Kabupaten Wonosobo|2011|4|1|2|3|0.75");
        assertThat(analyst.getList("rows.region", String.class)).doesNotContain("13.71");

        // by province: the national view lists every province, those without incidents with a share of null
        JsonPath national = get(callers().get(0), "/api/v1/statistics/resolution?year=2011");
        assertThat(national.getString("level")).isEqualTo("province");
        assertThat(resolution(national, "33")).isEqualTo("Jawa Tengah|2011|3|1|1|2|0.6667");
        List<Map<String, Object>> rows = national.getList("rows");
        assertThat(rows).anySatisfy(row -> assertThat(row.get("recorded")).isEqualTo(0));
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.get("share") == null)
                        .isEqualTo(((Number) row.get("recorded")).longValue() == 0));

        // without a year: each year with incidents, 2010 and 2012 among them (WIB, not UTC)
        JsonPath years = get(callers().get(1), "/api/v1/statistics/resolution?level=kabkota&region=33.07");
        assertThat(years.getList("rows.year", Integer.class)).contains(2010, 2011, 2012);
        assertThat(resolution(years, "33.07", 2010)).isEqualTo("Kabupaten Wonosobo|2010|1|0|0|0|0.0");

        // the same as the GROUP BY for each caller, by province and kabupaten/kota, every year and one
        List<Case> cases = List.of(
                new Case("level=kabkota", "true"),
                new Case("level=province", "true"),
                new Case("level=kabkota&year=2011", YEAR_2011),
                new Case(
                        "level=province&year=2013",
                        "occurred_from >= '2012-12-31T17:00:00Z' and occurred_from < '2013-12-31T17:00:00Z'"),
                new Case("level=kabkota&region=33.07", "kabkota_code = '33.07'"),
                // below a kabupaten/kota: the scan
                new Case(
                        "level=kabkota&region=33.07.01",
                        "(region_code = '33.07.01' or region_code like '33.07.01.%')"));
        for (Caller caller : callers()) {
            for (Case c : cases) {
                JsonPath answer = get(caller, "/api/v1/statistics/resolution?" + c.query());
                int length = c.query().contains("kabkota") ? 5 : 2;
                List<String> expected = reference(
                        List.of(
                                "substr(region_code, 1, " + length + ")",
                                "to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY')"),
                        List.of(
                                "count(*)",
                                "count(*) filter (where stage = 'PEMULIHAN')",
                                "count(*) filter (where stage = 'SELESAI')"),
                        "incident",
                        caller.scope().apply("region_code") + " and " + caller.readable("classification")
                                + " and verification not in ('TIDAK_VALID', 'DUPLIKAT') and " + c.where(),
                        true);
                List<String> actual = new ArrayList<>();
                for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
                    if (((Number) row.get("recorded")).longValue() > 0) {
                        actual.add(row.get("region") + "|" + row.get("year") + "|" + row.get("recorded") + "|"
                                + row.get("recovering") + "|" + row.get("closed"));
                    }
                }
                assertThat(actual).as("%s as %s", c.query(), caller.name()).isEqualTo(expected);
            }
        }
    }

    private static String resolution(JsonPath answer, String region) {
        return resolution(answer, region, 2011);
    }

    private static String resolution(JsonPath answer, String region, int year) {
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            if (region.equals(row.get("region")) && ((Number) row.get("year")).intValue() == year) {
                return row.get("name") + "|" + row.get("year") + "|" + row.get("recorded") + "|"
                        + row.get("recovering") + "|" + row.get("closed") + "|" + row.get("resolved") + "|"
                        + row.get("share");
            }
        }
        return null;
    }

    // ---- early warnings and tasks

    private static final Map<String, String> WARNING_KEYS = Map.of(
            "riskLevel", "risk_level",
            "status", "status",
            "category", "category_code",
            "parentCategory", "conflict_category_root(category_code)",
            "province", "substr(region_code, 1, 2)",
            "kabkota", "case when length(region_code) >= 5 then substr(region_code, 1, 5) end",
            "month", "to_char(observed_at at time zone 'Asia/Jakarta', 'YYYY-MM')");

    @Test
    void warningStatisticsCountWhatTheCallerMayListEachSignOnce() {
        List<Case> cases = List.of(
                new Case("groupBy=riskLevel,status", "verification <> 'DUPLIKAT'"),
                new Case("groupBy=province,kabkota,month", "verification <> 'DUPLIKAT'"),
                new Case("groupBy=parentCategory,category&region=33", "verification <> 'DUPLIKAT' and $region33"),
                new Case("groupBy=riskLevel&includeDuplicates=true", "true"),
                new Case(
                        "groupBy=month&from=2011-04-01T00:00:00Z&to=2011-05-01T00:00:00Z",
                        "verification <> 'DUPLIKAT' and observed_at >= '2011-04-01T00:00:00Z' and observed_at < "
                                + "'2011-05-01T00:00:00Z'"),
                new Case("", "verification <> 'DUPLIKAT'"));
        for (Caller caller : callers()) {
            for (Case c : cases) {
                JsonPath answer = get(caller, "/api/v1/statistics/early-warnings?" + c.query());
                List<String> groupBy = answer.getList("groupBy", String.class);
                String where = caller.scope().apply("region_code") + " and " + caller.readable("classification")
                        + " and " + c.where().replace("$region33", "(region_code = '33' or region_code like '33.%')");
                assertThat(lines(answer, groupBy, List.of("warnings")))
                        .as("%s as %s", c.query(), caller.name())
                        .isEqualTo(reference(
                                groupBy.stream().map(WARNING_KEYS::get).toList(),
                                List.of("count(*)"),
                                "early_warning",
                                where,
                                false));
            }
        }
        // April 2011 in Wonosobo: one TINGGI warning and its duplicate, counted once; the province-wide SEDANG one
        // has no kabupaten/kota
        String april = "/api/v1/statistics/early-warnings?groupBy=riskLevel,kabkota&region=33"
                + "&from=2011-04-01T00:00:00Z&to=2011-05-01T00:00:00Z";
        assertThat(lines(get(callers().get(1), april), List.of("riskLevel", "kabkota"), List.of("warnings")))
                .containsExactly("SEDANG|null|1", "TINGGI|33.07|1");
        // a CONFIDENTIAL warning is counted for the cleared analyst only
        String may = "/api/v1/statistics/early-warnings?region=33.07.01&from=2011-05-01T00:00:00Z"
                + "&to=2011-06-01T00:00:00Z";
        assertThat(get(callers().get(1), may).getLong("rows[0].warnings")).isZero();
        assertThat(get(callers().get(2), may).getLong("rows[0].warnings")).isEqualTo(1);
    }

    private static final Map<String, String> TASK_KEYS = Map.of(
            "agency", "t.agency_id::text",
            "state", "t.state",
            "province", "substr(coalesce(i.region_code, w.region_code), 1, 2)",
            "kabkota",
                    "case when length(coalesce(i.region_code, w.region_code)) >= 5 then "
                            + "substr(coalesce(i.region_code, w.region_code), 1, 5) end");

    @Test
    void taskStatisticsCountOpenAndOverdueTasksOfWhatTheCallerMayList() {
        String open = "t.state in ('ALERTED', 'ACKNOWLEDGED', 'ACTIVE')";
        List<String> metrics = List.of(
                "count(*)",
                "count(*) filter (where " + open + ")",
                "count(*) filter (where " + open + " and t.due_at < now())");
        List<String> queries = List.of("groupBy=state", "groupBy=agency,state", "groupBy=province,kabkota", "");
        for (Caller caller : callers()) {
            String where = "((i.id is not null and " + caller.scope().apply("i.region_code") + " and "
                    + caller.readable("i.classification") + ") or (w.id is not null and "
                    + caller.scope().apply("w.region_code") + " and " + caller.readable("w.classification") + "))";
            for (String query : queries) {
                JsonPath answer = get(caller, "/api/v1/statistics/tasks?" + query);
                List<String> groupBy = answer.getList("groupBy", String.class);
                assertThat(lines(answer, groupBy, List.of("tasks", "open", "overdue")))
                        .as("%s as %s", query, caller.name())
                        .isEqualTo(reference(
                                groupBy.stream().map(TASK_KEYS::get).toList(),
                                metrics,
                                "incident_task t left join incident i on i.id = t.incident_id "
                                        + "left join early_warning w on w.id = t.warning_id",
                                where,
                                false));
            }
        }
        // Wonosobo's tasks of this test's two agencies, worked out by hand. The police: two on the verified incident
        // (one overdue) and one on the CONFIDENTIAL incident, which only the cleared analyst counts; Satpol PP: one
        // done and one overdue on a warning (its task in Kota Padang lies outside the region asked)
        String wonosobo = "/api/v1/statistics/tasks?region=33.07&agencyId=";
        List<String> counts = List.of("tasks", "open", "overdue");
        assertThat(lines(get(callers().get(1), wonosobo + polres), List.of(), counts))
                .containsExactly("2|2|1");
        assertThat(lines(get(callers().get(2), wonosobo + polres), List.of(), counts))
                .containsExactly("3|3|2");
        assertThat(lines(get(callers().get(1), wonosobo + satpol), List.of(), counts))
                .containsExactly("2|1|1");
        assertThat(lines(get(callers().get(0), "/api/v1/statistics/tasks?agencyId=" + satpol), List.of(), counts))
                .containsExactly("3|2|2");
        // overdue as a filter keeps the overdue ones alone
        assertThat(lines(
                        get(callers().get(2), wonosobo + polres + "&overdue=true&groupBy=state"),
                        List.of("state"),
                        counts))
                .containsExactly("ACKNOWLEDGED|1|1|1", "ALERTED|1|1|1");
    }

    @Test
    void badRequestsAreProblemsNamingTheParameter() {
        var before = Db.snapshot();
        record Bad(String path, String field, String code) {}
        List<Bad> bad = List.of(
                new Bad("/api/v1/statistics/incidents?groupBy=year,weekday", "groupBy", "params.group-by.item"),
                new Bad(
                        "/api/v1/statistics/incidents?groupBy=category,stage,province,kabkota,month,year,isoWeek,"
                                + "kecamatan,parentCategory,year",
                        "groupBy",
                        "params.group-by.size"),
                new Bad("/api/v1/statistics/resolution?year=dua-ribu", "year", "params.integer"),
                new Bad("/api/v1/statistics/resolution?year=2101", "year", "params.integer"),
                new Bad("/api/v1/statistics/resolution?level=kecamatan", "level", "params.enum"),
                new Bad("/api/v1/statistics/early-warnings?groupBy=stage", "groupBy", "params.group-by.item"),
                new Bad(
                        "/api/v1/statistics/tasks?groupBy=agency,agency,agency,agency,agency",
                        "groupBy",
                        "params.group-by.size"));
        for (Bad b : bad) {
            callers()
                    .get(0)
                    .spec()
                    .get()
                    .header("Accept-Language", "en")
                    .get(b.path())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(b.field()))
                    .body("errors[0].code", equalTo(b.code()));
        }
        callers()
                .get(0)
                .spec()
                .get()
                .get("/api/v1/statistics/incidents?groupBy=weekday")
                .then()
                .statusCode(400)
                .body("allowed", hasItem("isoWeek"))
                .body("allowed", hasItem("parentCategory"));
        Db.assertUnchanged(before);
    }

    // ---- helpers

    private static JsonPath get(Caller caller, String path) {
        return caller.spec()
                .get()
                .get(path.endsWith("?") ? path.substring(0, path.length() - 1) : path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The rows of an answer as lines of their keys and counts, separated by |. */
    private static List<String> lines(JsonPath answer, List<String> groupBy, List<String> counts) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : answer.<Map<String, Object>>getList("rows")) {
            StringBuilder line = new StringBuilder();
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) row.get("key");
            for (String name : groupBy) {
                line.append(key.get(name)).append('|');
            }
            line.append(String.join(
                    "|", counts.stream().map(c -> String.valueOf(row.get(c))).toList()));
            lines.add(line.toString());
        }
        return lines;
    }

    /** The GROUP BY over {@code from}, as lines like {@link #lines}; keys in byte order or the database's. */
    private List<String> reference(List<String> keys, List<String> metrics, String from, String where, boolean bytes) {
        StringBuilder sql = new StringBuilder("select ");
        for (String key : keys) {
            sql.append("coalesce((").append(key).append(")::text, 'null') || '|' || ");
        }
        sql.append(String.join(" || '|' || ", metrics))
                .append(" from ")
                .append(from)
                .append(" where ")
                .append(where);
        if (!keys.isEmpty()) {
            sql.append(" group by ").append(String.join(", ", keys)).append(" order by ");
            sql.append(String.join(
                    ", ",
                    keys.stream()
                            .map(k -> bytes ? "(" + k + ") collate \"C\"" : "(" + k + ")")
                            .toList()));
        }
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql.toString(), e);
        }
        return lines;
    }

    private static void incident(
            String id,
            String region,
            String category,
            String stage,
            String classification,
            String verification,
            String duplicateOf,
            String occurredFrom) {
        boolean verified = !verification.equals("BELUM_DIVERIFIKASI");
        Db.execute("""
                insert into incident (id, title, category_code, region_code, occurred_from, source_kind, severity,
                                      classification, stage, version, created_at, updated_at, created_by, updated_by,
                                      verification, verified_by, verified_at, duplicate_of)
                values ('%s', 'Statistik sekretariat', '%s', '%s', '%s', 'LAPORAN_INSTANSI', 2, '%s', '%s', 0, now(),
                        now(), 'sql', 'sql', '%s', %s, %s, %s)""".formatted(
                        id == null ? UUID.randomUUID() : id,
                        category,
                        region,
                        occurredFrom,
                        classification,
                        stage,
                        verification,
                        verified ? "'sql'" : "null",
                        verified ? "now()" : "null",
                        duplicateOf == null ? "null" : "'" + duplicateOf + "'"));
    }

    private static void warning(
            String id,
            String region,
            String category,
            String riskLevel,
            String status,
            String classification,
            String duplicateOf,
            String observedAt) {
        boolean duplicate = duplicateOf != null;
        Db.execute("""
                insert into early_warning (id, region_code, category_code, title, likelihood, impact, risk_level,
                                           source_kind, classification, status, version, created_at, updated_at,
                                           created_by, updated_by, observed_at, verification, verified_by,
                                           verified_at, duplicate_of)
                values ('%s', '%s', '%s', 'Tanda sekretariat', 3, 3, '%s', 'LAPORAN_INSTANSI', '%s', '%s', 0, now(),
                        now(), 'sql', 'sql', '%s', '%s', %s, %s, %s)""".formatted(
                        id == null ? UUID.randomUUID() : id,
                        region,
                        category,
                        riskLevel,
                        classification,
                        status,
                        observedAt,
                        duplicate ? "DUPLIKAT" : "BELUM_DIVERIFIKASI",
                        duplicate ? "'sql'" : "null",
                        duplicate ? "now()" : "null",
                        duplicate ? "'" + duplicateOf + "'" : "null"));
    }

    private static void task(String parentColumn, String parent, UUID agency, String state, String due) {
        Db.execute("""
                insert into incident_task (id, %s, agency_id, description, due_at, state, version, created_at,
                                           updated_at, created_by, updated_by)
                values ('%s', '%s', '%s', 'Tugas sekretariat', now() + interval '%s', '%s', 0, now(), now(), 'sql',
                        'sql')""".formatted(parentColumn, UUID.randomUUID(), parent, agency, due, state));
    }

    private static IncidentQuery query(String region) {
        return new IncidentQuery(
                region,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                IncidentQuery.Duplicates.EXCLUDE,
                IncidentQuery.Order.OCCURRED_AT);
    }
}
