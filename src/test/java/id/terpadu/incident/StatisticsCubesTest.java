package id.terpadu.incident;

import static id.terpadu.support.Tokens.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.TestData;

/**
 * Statistics are answered from the cubes of V33 and V38 and their deltas; they must equal a GROUP BY over the incidents
 * for every filter and caller, also while others write. A burst of concurrent creates, merge patches, stage moves
 * (closings, flare-ups and reopenings among them), verifications (duplicates among them) and deletes runs on several
 * threads while the compaction runs too; meanwhile and afterwards every cube is compared with the incidents in one
 * statement, and the answers of the API (the incident statistics and the resolution table) with the GROUP BY a
 * caller's filter means.
 */
@QuarkusTest
class StatisticsCubesTest {

    private static final List<String> REGIONS =
            List.of("13.71", "13.77", "13.01", "19.71", "19.01", "33.07", "19.71.01");
    private static final List<String> CATEGORIES =
            List.of("SENGKETA_LAHAN", "POLITIK_PILKADA", "POLITIK_PEMILU", "EKONOMI", "SARA_AGAMA");
    private static final Instant EARLIEST = Instant.parse("2023-01-01T00:00:00Z");

    @Inject
    DataSource dataSource;

    @Inject
    StatisticsCompaction compaction;

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    private record Mine(String id, long version, String stage, boolean original, boolean duplicate) {}

    @Test
    void answersEqualTheGroupByOverTheIncidentsUnderConcurrentWriters() throws Exception {
        // CONFIDENTIAL incidents written behind the API's back: the triggers count them too, and no caller below
        // without clearance may see them in a count
        execute("""
                insert into incident (id, title, category_code, region_code, occurred_from, source_kind, severity,
                                      classification, stage, killed, version, created_at, updated_at, created_by,
                                      updated_by)
                select gen_random_uuid(), 'Rahasia ' || g, 'SARA_AGAMA', '13.71', timestamptz '2024-02-29 17:00:00+00'
                       + g * interval '7 hours', 'INTELIJEN', 1 + g % 5, 'CONFIDENTIAL', 'PENCEGAHAN', g, 0, now(),
                       now(), 'sql', 'sql'
                from generate_series(1, 12) g""");
        UUID bin = TestData.createAgency(TestData.unique("Binda Sumbar"), "BIN", "13");

        int threads = 6;
        int opsPerThread = 45;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger mismatchesDuringBurst = new AtomicInteger();
        AtomicInteger checksDuringBurst = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        List<Future<Map<String, Integer>>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = 7919L * (t + 1);
            writers.add(pool.submit(() -> burst(new Random(seed), opsPerThread)));
        }
        // the compaction moving deltas into the cubes while the writers go on
        Future<?> compacting = pool.submit(() -> {
            while (writing.get()) {
                compaction.compact();
                Thread.sleep(50);
            }
            return null;
        });
        // every cube equals the GROUP BY over the incidents in every snapshot, not only at the end
        Future<?> checking = pool.submit(() -> {
            while (writing.get()) {
                mismatchesDuringBurst.addAndGet(cubesDifferingFromIncidents());
                checksDuringBurst.incrementAndGet();
            }
            return null;
        });
        Map<String, Integer> done = new HashMap<>();
        for (Future<Map<String, Integer>> writer : writers) {
            writer.get(5, TimeUnit.MINUTES).forEach((op, n) -> done.merge(op, n, Integer::sum));
        }
        writing.set(false);
        compacting.get(1, TimeUnit.MINUTES);
        checking.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(done.keySet())
                .contains("create", "patch", "stage", "close", "reopen", "verify", "duplicate", "delete");
        assertThat(checksDuringBurst.get()).isPositive();
        assertThat(mismatchesDuringBurst.get())
                .as("cube rows differing from the incidents during the burst")
                .isZero();

        // with deltas still pending (a write just now), and after everything was moved into the cubes
        compareAnswers(bin);
        compaction.compact();
        assertThat(count("select count(*) from incident_stat_delta")).isZero();
        assertThat(cubesDifferingFromIncidents()).isZero();
        compareAnswers(bin);
    }

    /** One writer's share of the burst; how many of each operation succeeded. */
    private Map<String, Integer> burst(Random random, int ops) {
        RequestSpecification writer = null;
        Map<String, Integer> done = new HashMap<>();
        List<Mine> mine = new ArrayList<>();
        for (int i = 0; i < ops; i++) {
            writer = as("writer.stats", List.of("COORDINATOR"), List.of());
            int dice = random.nextInt(100);
            if (mine.size() < 3 || dice < 35) {
                Map<String, Object> body =
                        IncidentResourceTest.incident("Kubus " + random.nextLong(), pick(random, REGIONS));
                body.put("categoryCode", pick(random, CATEGORIES));
                body.put("occurredFrom", when(random).toString());
                body.put("severity", 1 + random.nextInt(5));
                body.put("classification", random.nextInt(3) == 0 ? "PUBLIC" : "RESTRICTED");
                body.put("sourceKind", random.nextBoolean() ? "PATROLI" : "LAPORAN_INSTANSI");
                body.put("impact", impact(random));
                Response created = writer.body(body).post("/api/v1/incidents");
                assertThat(created.statusCode()).isEqualTo(201);
                mine.add(new Mine(created.path("id"), version(created), "PENCEGAHAN", false, false));
                done.merge("create", 1, Integer::sum);
                continue;
            }
            int at = random.nextInt(mine.size());
            Mine m = mine.get(at);
            if (dice < 55) {
                Map<String, Object> patch = new HashMap<>();
                patch.put("severity", 1 + random.nextInt(5));
                patch.put("impact", impact(random));
                if (random.nextBoolean()) {
                    patch.put("regionCode", pick(random, REGIONS));
                }
                if (random.nextBoolean()) {
                    patch.put("categoryCode", pick(random, CATEGORIES));
                }
                if (random.nextBoolean()) {
                    patch.put("occurredFrom", when(random).toString());
                }
                Response patched = writer.contentType("application/merge-patch+json")
                        .header("If-Match", "\"" + m.version() + "\"")
                        .body(patch)
                        .patch("/api/v1/incidents/{id}", m.id());
                if (m.stage().equals("SELESAI")) {
                    // a closed incident is final: changed only after a reopening (another turn may reopen it)
                    assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(409);
                    done.merge("patch of a closed one, refused", 1, Integer::sum);
                    continue;
                }
                assertThat(patched.statusCode()).as(patched.asString()).isEqualTo(200);
                mine.set(at, new Mine(m.id(), version(patched), m.stage(), m.original(), m.duplicate()));
                done.merge("patch", 1, Integer::sum);
            } else if (dice < 70) {
                // on to the next stage, closed (resolved), flared up again (unresolved) or reopened (unresolved)
                String to = switch (m.stage()) {
                    case "PENCEGAHAN" -> "PENGHENTIAN";
                    case "PENGHENTIAN" -> random.nextBoolean() ? "PEMULIHAN" : "SELESAI";
                    case "PEMULIHAN" -> random.nextBoolean() ? "SELESAI" : "PENGHENTIAN";
                    default -> null;
                };
                Response moved = to == null
                        ? writer.body(Map.of("reason", "Konflik pecah lagi"))
                                .post("/api/v1/incidents/{id}/stage-transitions/reopening", m.id())
                        : writer.body(
                                        to.equals("SELESAI")
                                                ? Map.of("to", to, "reason", "Damai", "closingSummary", "Berdamai")
                                                : Map.of("to", to, "reason", "Eskalasi"))
                                .post("/api/v1/incidents/{id}/stage-transitions", m.id());
                assertThat(moved.statusCode()).as(moved.asString()).isEqualTo(200);
                String stage = moved.path("stage");
                mine.set(at, new Mine(m.id(), version(moved), stage, m.original(), m.duplicate()));
                done.merge(to == null ? "reopen" : to.equals("SELESAI") ? "close" : "stage", 1, Integer::sum);
            } else if (dice < 85) {
                Mine original = mine.stream()
                        .filter(o -> !o.id().equals(m.id()) && !o.duplicate())
                        .findFirst()
                        .orElse(null);
                boolean duplicate = original != null && !m.original() && !m.duplicate() && random.nextInt(3) == 0;
                Map<String, Object> body = new HashMap<>();
                body.put("state", duplicate ? "DUPLIKAT" : random.nextBoolean() ? "TERVERIFIKASI" : "TIDAK_VALID");
                body.put("method", "CEK_SILANG_INSTANSI");
                body.put("note", "Dicek");
                if (duplicate) {
                    body.put("duplicateOf", original.id());
                }
                Response verified = as("verifier.stats", List.of("COORDINATOR"), List.of())
                        .header("If-Match", "\"" + m.version() + "\"")
                        .body(body)
                        .post("/api/v1/incidents/{id}/verification", m.id());
                if (verified.statusCode() == 409) {
                    continue; // a duplicate of a duplicate, or a state the table does not allow from here
                }
                assertThat(verified.statusCode()).as(verified.asString()).isEqualTo(200);
                mine.set(at, new Mine(m.id(), version(verified), m.stage(), m.original(), duplicate || m.duplicate()));
                if (duplicate) {
                    int o = mine.indexOf(original);
                    mine.set(o, new Mine(original.id(), original.version(), original.stage(), true, false));
                }
                done.merge(duplicate ? "duplicate" : "verify", 1, Integer::sum);
            } else if (!m.original()) {
                Response deleted =
                        writer.header("If-Match", "\"" + m.version() + "\"").delete("/api/v1/incidents/{id}", m.id());
                if (m.stage().equals("SELESAI")) {
                    // a closed incident is final: it is not deleted with its stage history
                    assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(409);
                    continue;
                }
                assertThat(deleted.statusCode()).as(deleted.asString()).isEqualTo(204);
                mine.remove(at);
                done.merge("delete", 1, Integer::sum);
            }
        }
        return done;
    }

    private static long version(Response response) {
        return Long.parseLong(response.header("ETag").replaceAll("[\"]", "").split("-")[0]);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A time in 2023–2025, often right at a WIB midnight or the first of a month, where the cutting happens. */
    private static Instant when(Random random) {
        Instant day = EARLIEST.plus(random.nextInt(880), ChronoUnit.DAYS);
        return switch (random.nextInt(4)) {
            case 0 -> day.minus(7, ChronoUnit.HOURS); // 00:00 WIB
            case 1 -> day.minus(7, ChronoUnit.HOURS).minusSeconds(1); // 23:59:59 WIB the day before
            default -> day.plusSeconds(random.nextInt(86_400));
        };
    }

    /** Impact with some values unknown (left out), some 0. */
    private static Map<String, Object> impact(Random random) {
        Map<String, Object> impact = new HashMap<>();
        for (String field : List.of("killed", "injured", "sexualViolence", "buildingsDamaged", "displaced")) {
            if (random.nextInt(3) > 0) {
                impact.put(field, random.nextInt(4));
            }
        }
        return impact;
    }

    // ---- the API's answers against the GROUP BY

    private record Case(String query, String where) {}

    private static final List<Case> CASES = List.of(
            new Case("groupBy=category,stage", "true"),
            new Case("groupBy=province,month", "true"),
            new Case(
                    "groupBy=month&from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
                    "occurred_from >= '2024-01-01T00:00:00Z' and occurred_from < '2025-01-01T00:00:00Z'"),
            new Case("groupBy=kabkota&region=13", "province_code = '13'"),
            new Case(
                    "groupBy=month,province&from=2024-03-15T05:30:00Z&to=2024-06-01T16:59:59Z",
                    "occurred_from >= '2024-03-15T05:30:00Z' and occurred_from < '2024-06-01T16:59:59Z'"),
            new Case(
                    "groupBy=category&category=POLITIK&severityMin=2&severityMax=4&from=2023-05-31T17:00:00Z",
                    "category_code in ('POLITIK', 'POLITIK_PILKADA', 'POLITIK_PEMILU', 'POLITIK_PILKADES') and severity"
                            + " between 2 and 4 and occurred_from >= '2023-05-31T17:00:00Z'"),
            new Case(
                    "groupBy=kabkota,month&region=13&from=2023-07-04T00:00:00Z&to=2024-02-10T12:00:00Z",
                    "province_code = '13' and occurred_from >= '2023-07-04T00:00:00Z' and occurred_from <"
                            + " '2024-02-10T12:00:00Z'"),
            new Case("groupBy=stage&verification=TERVERIFIKASI", "verification = 'TERVERIFIKASI'"),
            new Case(
                    "groupBy=province&includeDuplicates=true&classification=RESTRICTED",
                    "classification = 'RESTRICTED' and $dup"),
            new Case(
                    "groupBy=stage&verification=DUPLIKAT&includeDuplicates=true", "verification = 'DUPLIKAT' and $dup"),
            new Case("region=13.71&stage=PENGHENTIAN", "kabkota_code = '13.71' and stage = 'PENGHENTIAN'"),
            new Case("groupBy=month&to=2023-03-01T00:00:00Z", "occurred_from < '2023-03-01T00:00:00Z'"),
            new Case("groupBy=category&from=2025-02-01T00:00:00Z&to=2024-02-01T00:00:00Z", "false"),
            new Case("groupBy=stage,category&stage=PEMULIHAN&severityMin=3", "stage = 'PEMULIHAN' and severity >= 3"),
            // the dimensions of V37: year from a month cube, ISO week from a day cube, the roll-up of categories
            // wherever the category is kept, and the scan for the kecamatan or an ISO week by category
            new Case("groupBy=province,year", "true"),
            new Case(
                    "groupBy=isoWeek&from=2024-03-15T05:30:00Z&to=2024-06-01T16:59:59Z",
                    "occurred_from >= '2024-03-15T05:30:00Z' and occurred_from < '2024-06-01T16:59:59Z'"),
            new Case("groupBy=parentCategory,stage", "true"),
            new Case("groupBy=kecamatan,year", "true"),
            new Case("groupBy=isoWeek,parentCategory&region=19.71", "kabkota_code = '19.71'"),
            // a filter no cube keeps: the scan, which must agree as well
            new Case("groupBy=category&q=kubus", null));

    private void compareAnswers(UUID bin) {
        record Caller(java.util.function.Supplier<RequestSpecification> spec, String scope, String classifications) {}
        List<Caller> callers = List.of(
                new Caller(() -> as("admin.stats", List.of("ADMIN"), List.of()), "true", "'PUBLIC', 'RESTRICTED'"),
                new Caller(
                        () -> as("coordinator.stats", List.of("COORDINATOR"), List.of("13", "19.71")),
                        "(province_code = '13' or kabkota_code = '19.71')",
                        "'PUBLIC', 'RESTRICTED'"),
                new Caller(
                        () -> as("analyst.bin", List.of("ANALYST"), List.of("13"), bin),
                        "province_code = '13'",
                        "'PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'"),
                new Caller(
                        () -> as("officer.pariaman", List.of("OFFICER"), List.of("13.77")),
                        "kabkota_code = '13.77'",
                        "'PUBLIC', 'RESTRICTED'"));
        for (Caller caller : callers) {
            for (Case c : CASES) {
                JsonPath answer = caller.spec()
                        .get()
                        .get("/api/v1/statistics/incidents?" + c.query())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                List<String> groupBy = answer.getList("groupBy", String.class);
                String where = c.where() == null
                        ? "(title ilike '%kubus%')"
                        : c.where().contains("$dup")
                                ? c.where().replace(" and $dup", "")
                                : c.where() + " and verification <> 'DUPLIKAT'";
                if (c.where() == null) {
                    where += " and verification <> 'DUPLIKAT'";
                }
                List<String> expected = reference(
                        groupBy,
                        caller.scope() + " and classification in (" + caller.classifications() + ") and " + where);
                assertThat(lines(answer, groupBy))
                        .as("%s as %s", c.query(), caller.scope())
                        .isEqualTo(expected);
            }
        }
        compareResolution(callers.stream()
                .map(c -> new ResolutionCaller(c.spec(), c.scope(), c.classifications()))
                .toList());
        // a caller without clearance sees no trace of the CONFIDENTIAL incidents written above
        assertThat(as("admin.stats", List.of("ADMIN"), List.of())
                        .get("/api/v1/statistics/incidents?classification=CONFIDENTIAL")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("rows[0].incidents"))
                .isZero();
    }

    private record ResolutionCaller(
            java.util.function.Supplier<RequestSpecification> spec, String scope, String classifications) {}

    /** The resolution table's requests, and what each means over the incidents. */
    private static final List<Case> RESOLUTION_CASES = List.of(
            new Case("level=province", "true"),
            new Case("level=kabkota", "true"),
            new Case(
                    "level=kabkota&year=2024",
                    "occurred_from >= '2023-12-31T17:00:00Z' and occurred_from < '2024-12-31T17:00:00Z'"),
            new Case(
                    "level=province&year=2023&region=13",
                    "province_code = '13' and occurred_from >= '2022-12-31T17:00:00Z' and occurred_from < "
                            + "'2023-12-31T17:00:00Z'"),
            new Case("level=kabkota&region=19.71", "kabkota_code = '19.71'"),
            // a region below a kabupaten/kota, which no cube keeps: the scan, which must agree as well
            new Case("level=kabkota&region=19.71.01", "(region_code = '19.71.01' or region_code like '19.71.01.%')"));

    /**
     * Each caller's resolution table against the GROUP BY over the incidents it may list: every region and year with
     * incidents recorded, their counts in PEMULIHAN and SELESAI; the other rows of the table are regions without any,
     * with no share; the years are those of the incidents (or the one asked).
     */
    private void compareResolution(List<ResolutionCaller> callers) {
        for (ResolutionCaller caller : callers) {
            for (Case c : RESOLUTION_CASES) {
                JsonPath answer = caller.spec()
                        .get()
                        .get("/api/v1/statistics/resolution?" + c.query())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                String region = "substr(region_code, 1, " + (c.query().contains("level=kabkota") ? 5 : 2) + ")";
                String year = "to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY')";
                String where = caller.scope() + " and classification in (" + caller.classifications()
                        + ") and verification not in ('TIDAK_VALID', 'DUPLIKAT') and " + c.where();
                List<String> expected = strings("select " + region + " || '|' || " + year + " || '|' || count(*) || '|'"
                        + " || count(*) filter (where stage = 'PEMULIHAN') || '|' || count(*) filter (where stage = "
                        + "'SELESAI') from incident where " + where + " group by " + region + ", " + year
                        + " order by " + region + " collate \"C\", " + year);
                List<String> actual = new ArrayList<>();
                List<Map<String, Object>> rows = answer.getList("rows");
                for (Map<String, Object> row : rows) {
                    long recorded = ((Number) row.get("recorded")).longValue();
                    if (recorded > 0) {
                        actual.add(row.get("region") + "|" + row.get("year") + "|" + recorded + "|"
                                + row.get("recovering") + "|" + row.get("closed"));
                    } else {
                        assertThat(row.get("recovering")).isEqualTo(0);
                        assertThat(row.get("closed")).isEqualTo(0);
                        assertThat(row.get("share")).isNull();
                    }
                }
                assertThat(actual).as("%s as %s", c.query(), caller.scope()).isEqualTo(expected);
                List<String> years = rows.stream()
                        .map(r -> String.valueOf(r.get("year")))
                        .distinct()
                        .sorted()
                        .toList();
                if (c.query().contains("year=")) {
                    assertThat(years).isSubsetOf(c.query().replaceAll(".*year=(\\d+).*", "$1"));
                } else {
                    assertThat(years)
                            .as("the years of %s as %s", c.query(), caller.scope())
                            .isEqualTo(strings(
                                    "select distinct " + year + " from incident where " + where + " order by 1"));
                }
            }
        }
    }

    private List<String> strings(String sql) {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return lines;
    }

    private static List<String> lines(JsonPath answer, List<String> groupBy) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> rows = answer.getList("rows");
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder();
            @SuppressWarnings("unchecked")
            Map<String, Object> key = (Map<String, Object>) row.get("key");
            for (String name : groupBy) {
                line.append(key.get(name)).append('|');
            }
            line.append(((Number) row.get("incidents")).longValue());
            for (String metric : Statistics.METRICS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sum = (Map<String, Object>) row.get(metric);
                line.append('|')
                        .append(sum.get("sum") == null ? "null" : ((Number) sum.get("sum")).longValue())
                        .append(':')
                        .append(((Number) sum.get("reported")).longValue());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static final Map<String, String> KEYS = Map.of(
            "category", "category_code",
            "parentCategory", "conflict_category_root(category_code)",
            "stage", "stage",
            "province", "province_code",
            "kabkota", "kabkota_code",
            "kecamatan", "case when length(region_code) >= 8 then substr(region_code, 1, 8) end",
            "month", "to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY-MM')",
            "year", "to_char(occurred_from at time zone 'Asia/Jakarta', 'YYYY')",
            "isoWeek", "to_char(occurred_from at time zone 'Asia/Jakarta', 'IYYY-\"W\"IW')");

    /** The GROUP BY over the incidents, as lines like {@link #lines}. */
    private List<String> reference(List<String> groupBy, String where) {
        List<String> keys = groupBy.stream().map(KEYS::get).toList();
        StringBuilder sql = new StringBuilder("select ");
        for (String key : keys) {
            sql.append("coalesce((").append(key).append(")::text, 'null') || '|' || ");
        }
        sql.append("count(*)");
        for (String column : List.of("killed", "injured", "sexual_violence", "buildings_damaged", "displaced")) {
            sql.append(" || '|' || coalesce(sum(")
                    .append(column)
                    .append(")::text, 'null') || ':' || count(")
                    .append(column)
                    .append(")");
        }
        sql.append(" from incident where ").append(where);
        if (!keys.isEmpty()) {
            sql.append(" group by ")
                    .append(String.join(", ", keys))
                    .append(" order by ")
                    .append(String.join(
                            ", ",
                            keys.stream().map(k -> "(" + k + ") collate \"C\"").toList()));
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

    // ---- every cube against the incidents, in one statement

    private static final String CUBES_AGAINST_INCIDENTS = """
            with ref as (
                select c.id as cube,
                       (case c.region_grain when 'PROVINCE' then substr(i.region_code, 1, 2)
                                            when 'KABKOTA' then substr(i.region_code, 1, 5) else '' end) collate "C"
                           as region,
                       case c.time_grain when 'NONE' then '-infinity'::timestamp
                           else date_trunc(lower(c.time_grain), i.occurred_from at time zone 'Asia/Jakarta') end
                           as period,
                       (case when c.by_category then i.category_code else '' end) collate "C" as category_code,
                       (case when c.by_stage then i.stage else '' end) collate "C" as stage,
                       (case when c.by_severity then i.severity else 0 end)::smallint as severity,
                       i.classification, i.verification,
                       count(*) as incidents,
                       coalesce(sum(i.killed), 0) as killed, count(i.killed) as killed_reported,
                       coalesce(sum(i.injured), 0) as injured, count(i.injured) as injured_reported,
                       coalesce(sum(i.sexual_violence), 0) as sexual_violence,
                       count(i.sexual_violence) as sexual_violence_reported,
                       coalesce(sum(i.buildings_damaged), 0) as buildings_damaged,
                       count(i.buildings_damaged) as buildings_damaged_reported,
                       coalesce(sum(i.displaced), 0) as displaced, count(i.displaced) as displaced_reported
                from incident i cross join incident_stat_cube c
                group by 1, 2, 3, 4, 5, 6, 7, 8)
            select count(*) from (
                (select * from incident_stat_current except all select * from ref)
                union all
                (select * from ref except all select * from incident_stat_current)) differing""";

    private int cubesDifferingFromIncidents() {
        return (int) count(CUBES_AGAINST_INCIDENTS);
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * V40's {@code incident_stat_rebuild()} counts every cube again from the incidents: cube rows put wrong by hand are
     * right again and no delta is left. A writer under way when it starts is waited for and counted; one that
     * starts meanwhile waits for it and is counted by its own delta.
     */
    @Test
    void theCubesAreCountedAgainFromTheIncidentsInOnePass() throws Exception {
        String load = """
                insert into incident (id, title, category_code, region_code, occurred_from, source_kind, severity,
                                      classification, stage, injured, version, created_at, updated_at, created_by,
                                      updated_by)
                select gen_random_uuid(), 'Muatan ' || g, 'EKONOMI', '19.71', timestamptz '2025-06-30 16:30:00+00'
                       + g * interval '1 hour', 'PATROLI', 1 + mod(g, 5), 'PUBLIC', 'PENGHENTIAN', g, 0, now(), now(),
                       'sql', 'sql'
                from generate_series(1, %d) g""";
        execute(load.formatted(40));
        execute("update incident_stat set incidents = incidents + 3, killed = killed + 1 where cube in (1, 12)");
        assertThat(cubesDifferingFromIncidents()).isPositive();

        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (PreparedStatement ps = writer.prepareStatement(load.formatted(7))) {
                ps.execute();
            }
            Future<Long> rebuilt = pool.submit(() -> count("select incident_stat_rebuild()"));
            Thread.sleep(500);
            assertThat(rebuilt.isDone())
                    .as("the rebuild waits for the writer under way")
                    .isFalse();
            writer.commit();
            long rows = rebuilt.get(1, TimeUnit.MINUTES);
            assertThat(rows).isEqualTo(count("select count(*) from incident_stat"));
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from incident_stat_delta")).isZero();
        assertThat(cubesDifferingFromIncidents()).isZero();

        // the triggers go on counting after it
        execute(load.formatted(3));
        assertThat(cubesDifferingFromIncidents()).isZero();
    }

    /**
     * V42: each cube is a partition of its own, and a request's statement, which names its cube, reads that partition
     * alone: the resolution table by kabupaten/kota reads the 34,000 rows of its cube, not pages shared with 600,000
     * rows of the others.
     */
    @Test
    void eachCubeIsAPartitionOfItsOwnThatARequestReadsAlone() throws SQLException {
        assertThat(count("""
                        select count(*) from incident_stat_cube c
                        where not exists (select 1 from pg_inherits i join pg_class p on p.oid = i.inhrelid
                                          where i.inhparent = 'incident_stat'::regclass
                                            and p.relname = 'incident_stat_' || c.id)""")).as("cubes without a partition").isZero();
        assertThat(count("select count(*) from incident_stat_other")).isZero();
        StatisticsPlan.Sql plan = StatisticsPlan.of(
                        query(null, null, null),
                        List.of(Statistics.Dimension.KABKOTA, Statistics.Dimension.YEAR),
                        List.of(),
                        java.util.EnumSet.of(
                                id.terpadu.common.security.Classification.PUBLIC,
                                id.terpadu.common.security.Classification.RESTRICTED),
                        null,
                        StatisticsPlan.Measures.RESOLUTION,
                        Integer.MAX_VALUE)
                .orElseThrow();
        assertThat(plan.cubes()).containsExactly(12);
        String sql = plan.text();
        List<String> names = new ArrayList<>(plan.parameters().keySet());
        names.sort(java.util.Comparator.comparing(String::length).reversed());
        for (String name : names) {
            Object value = plan.parameters().get(name);
            String literal = value instanceof List<?> list
                    ? String.join(", ", list.stream().map(v -> "'" + v + "'").toList())
                    : "'" + value + "'";
            sql = sql.replace(":" + name, literal);
        }
        List<String> read = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("explain " + sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(" on (incident_stat\\w*)")
                        .matcher(rs.getString(1));
                // the tables read (an index's own scan, under a bitmap heap scan, names the index)
                if (m.find() && !rs.getString(1).contains("Bitmap Index Scan")) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).containsExactlyInAnyOrder("incident_stat_12", "incident_stat_delta");
    }

    /**
     * V41: the compaction's updates of cube rows are HOT (heap-only: the new version on the same page, no index entry,
     * pruned without VACUUM). Counted in one transaction that writes incidents into cube rows that exist and compacts
     * them itself, so that no scheduled compaction moves them first (it cannot see them).
     */
    @Test
    void theCompactionUpdatesTheCubesInPlace() throws Exception {
        String load = """
                insert into incident (id, title, category_code, region_code, occurred_from, source_kind, severity,
                                      classification, stage, version, created_at, updated_at, created_by, updated_by)
                select gen_random_uuid(), 'Di tempat ' || g, 'EKONOMI', '13.77', timestamptz '2025-03-03 03:00:00+00',
                       'PATROLI', 2, 'RESTRICTED', 'PENCEGAHAN', 0, now(), now(), 'sql', 'sql'
                from generate_series(1, 5) g""";
        execute(load);
        compaction.compact();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(load)) {
                ps.execute();
            }
            long moved = 0;
            for (int attempt = 0; moved == 0 && attempt < 50; attempt++) {
                try (PreparedStatement ps = c.prepareStatement("select incident_stat_compact(5000)");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    moved = rs.getLong(1);
                }
                if (moved == 0) {
                    Thread.sleep(100); // the scheduled compaction holds the lock
                }
            }
            assertThat(moved).isGreaterThanOrEqualTo(5);
            // over the cubes' partitions (V42)
            try (PreparedStatement ps = c.prepareStatement("""
                            select sum(pg_stat_get_xact_tuples_updated(inhrelid)),
                                   sum(pg_stat_get_xact_tuples_hot_updated(inhrelid))
                            from pg_inherits where inhparent = 'incident_stat'::regclass""");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                long updated = rs.getLong(1);
                long hot = rs.getLong(2);
                assertThat(updated).as("cube rows updated").isGreaterThanOrEqualTo(12);
                assertThat(hot).as("of them HOT").isEqualTo(updated);
            }
            c.commit();
        }
        assertThat(cubesDifferingFromIncidents()).isZero();
    }

    /**
     * The compaction keeps V39's {@code jit = off}: a later {@code create or replace} of the function (as V38 did) drops
     * the setting unless it says it again, and compiling the statement cost up to 300 ms a call against 7 to 17 ms of
     * work.
     */
    @Test
    void theCompactionRunsWithoutTheJitCompiler() {
        assertThat(count("""
                        select count(*) from pg_proc
                        where oid = 'incident_stat_compact(integer)'::regprocedure and 'jit=off' = any(proconfig)""")).isEqualTo(1);
    }

    /**
     * A period cut mid-day at both ends: each edge day is counted as its hours inside the period, read from the
     * incidents, or as the whole day from the day cube less its hours outside, whichever is shorter. Both ways, with
     * impacts unknown, known and CONFIDENTIAL incidents beside them, equal the GROUP BY, with the deltas pending and
     * after they were moved into the cubes.
     */
    @Test
    void aPeriodCutMidDayCountsEachEdgeDayByItsShorterSide() {
        execute("""
                insert into incident (id, title, category_code, region_code, occurred_from, source_kind, severity,
                                      classification, stage, killed, injured, version, created_at, updated_at,
                                      created_by, updated_by)
                select gen_random_uuid(), 'Tepi hari ' || t, 'SENGKETA_LAHAN', r, t, 'MEDIA', 3, c, 'PENCEGAHAN', k,
                       k * 2, 0, now(), now(), 'sql', 'sql'
                from (values (timestamptz '2021-05-09T17:30:00Z', '13.71', 'PUBLIC', 1),
                             ('2021-05-09T23:05:00Z', '13.71', 'PUBLIC', 3),
                             ('2021-05-09T23:20:00Z', '19.71', 'RESTRICTED', null),
                             ('2021-05-09T23:30:00Z', '13.71', 'RESTRICTED', null),
                             ('2021-05-10T00:30:00Z', '13.77', 'PUBLIC', 2),
                             ('2021-05-10T09:59:59Z', '13.71', 'PUBLIC', null),
                             ('2021-05-10T10:00:00Z', '13.71', 'CONFIDENTIAL', 4),
                             ('2021-05-10T16:59:59Z', '19.71', 'PUBLIC', 3),
                             ('2021-05-15T05:00:00Z', '13.71', 'PUBLIC', 0),
                             ('2021-05-19T23:59:59Z', '13.71', 'RESTRICTED', 5),
                             ('2021-05-20T03:00:00Z', '19.71', 'PUBLIC', 1),
                             ('2021-05-20T11:59:59Z', '13.71', 'PUBLIC', null),
                             ('2021-05-20T12:00:00Z', '13.71', 'PUBLIC', 7),
                             ('2021-05-20T12:30:00Z', '13.71', 'PUBLIC', 2),
                             ('2021-05-20T16:30:00Z', '13.71', 'RESTRICTED', 8)) v(t, r, c, k)""");
        // from 07:00 WIB and to 19:00 WIB: the 7 hours before and the 5 after are taken off the two days; from 17:00
        // WIB and to 07:00 WIB: the 7 hours after and the 7 before are read
        record Period(String from, String to, boolean wholeDays) {}
        List<Period> periods = List.of(
                new Period("2021-05-10T00:00:00Z", "2021-05-20T12:00:00Z", true),
                new Period("2021-05-10T10:00:00Z", "2021-05-20T00:00:00Z", false),
                // minutes into an hour: the whole hours from the hour cube, the minutes before and after them from
                // the incidents
                new Period("2021-05-09T23:15:00Z", "2021-05-20T12:00:00.5Z", true));
        var readable = java.util.EnumSet.of(
                id.terpadu.common.security.Classification.PUBLIC, id.terpadu.common.security.Classification.RESTRICTED);
        for (Period p : periods) {
            StatisticsPlan.Sql plan = StatisticsPlan.of(
                            query(null, Instant.parse(p.from()), Instant.parse(p.to())),
                            Statistics.Dimension.parse("month"),
                            List.of(),
                            readable,
                            null,
                            10_001)
                    .orElseThrow();
            // national: the edge hours from the hour cube, and only minutes (none for whole hours) from the incidents
            assertThat(plan.cubes()).as("%s to %s", p.from(), p.to()).contains(9, 13);
            assertThat(plan.text().contains("from incident where"))
                    .as("%s to %s reads incidents", p.from(), p.to())
                    .isEqualTo(p.from().contains(":15:") || p.to().contains(".5Z"));
            // the first WIB day's start (17:00 UTC the day before) and the last's end bound the day cube's deltas
            assertThat(plan.parameters().values())
                    .as("%s to %s", p.from(), p.to())
                    .contains(p.wholeDays() ? "2021-05-09T17:00:00Z" : "2021-05-10T17:00:00Z")
                    .contains(p.wholeDays() ? "2021-05-20T17:00:00Z" : "2021-05-19T17:00:00Z")
                    .doesNotContain(p.wholeDays() ? "2021-05-10T17:00:00Z" : "2021-05-09T17:00:00Z")
                    .doesNotContain(p.wholeDays() ? "2021-05-19T17:00:00Z" : "2021-05-20T17:00:00Z");
        }
        for (int round = 0; round < 2; round++) {
            for (Period p : periods) {
                String range = "occurred_from >= '" + p.from() + "' and occurred_from < '" + p.to() + "'";
                for (String query : List.of("groupBy=month", "groupBy=isoWeek", "groupBy=month&region=13")) {
                    JsonPath answer = as("admin.edges", List.of("ADMIN"), List.of())
                            .get("/api/v1/statistics/incidents?" + query + "&from=" + p.from() + "&to=" + p.to())
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath();
                    List<String> groupBy = answer.getList("groupBy", String.class);
                    String where = "classification in ('PUBLIC', 'RESTRICTED') and verification <> 'DUPLIKAT' and "
                            + range + (query.contains("region=13") ? " and province_code = '13'" : "");
                    assertThat(lines(answer, groupBy))
                            .as("%s from %s to %s, %s", query, p.from(), p.to(), round == 0 ? "pending" : "moved")
                            .isEqualTo(reference(groupBy, where))
                            .isNotEmpty();
                }
            }
            compaction.compact();
        }
    }

    /** The plan of each request of issue 20's table: cubes, never the scan. */
    @Test
    void theDashboardRequestsAreAnsweredFromCubes() {
        record Request(IncidentQuery query, List<Statistics.Dimension> groupBy, List<Integer> cubes) {}
        IncidentQuery all = query(null, null, null);
        var plans = new LinkedHashMap<String, Request>();
        plans.put("category,stage", new Request(all, Statistics.Dimension.parse("category,stage"), List.of(1)));
        plans.put("province,month", new Request(all, Statistics.Dimension.parse("province,month"), List.of(6)));
        plans.put(
                "month in 2024 (UTC)",
                new Request(
                        query(null, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")),
                        Statistics.Dimension.parse("month"),
                        // the 7 hours of 1 January before 07:00 WIB taken off its day, the 7 of 1 January 2025 added
                        List.of(5, 9, 13, 13)));
        plans.put(
                "kabkota of 33",
                new Request(query("33", null, null), Statistics.Dimension.parse("kabkota"), List.of(3)));
        plans.forEach((name, r) -> {
            StatisticsPlan.Sql plan = StatisticsPlan.of(
                            r.query(),
                            r.groupBy(),
                            List.of(),
                            java.util.EnumSet.of(
                                    id.terpadu.common.security.Classification.PUBLIC,
                                    id.terpadu.common.security.Classification.RESTRICTED),
                            null,
                            10_001)
                    .orElseThrow();
            assertThat(plan.cubes()).as(name).isEqualTo(r.cubes());
            // not one incident read: however many incidents an hour holds, each request reads a bounded number of rows
            assertThat(plan.text()).as(name).doesNotContain("from incident where");
        });
    }

    /**
     * The resolution table's plans: the year cubes with the stage (by province, else by kabupaten/kota, for a caller
     * or region of a kabupaten/kota too), whole WIB years read as their periods; the scan below a kabupaten/kota.
     */
    @Test
    void theResolutionTableIsAnsweredFromTheYearCubes() {
        var readable = java.util.EnumSet.of(
                id.terpadu.common.security.Classification.PUBLIC, id.terpadu.common.security.Classification.RESTRICTED);
        var province = List.of(Statistics.Dimension.PROVINCE, Statistics.Dimension.YEAR);
        var kabkota = List.of(Statistics.Dimension.KABKOTA, Statistics.Dimension.YEAR);
        Instant from2024 = Instant.parse("2023-12-31T17:00:00Z");
        Instant from2025 = Instant.parse("2024-12-31T17:00:00Z");
        record Request(String name, IncidentQuery query, List<Statistics.Dimension> groupBy, List<String> scope) {}
        Map<Request, List<Integer>> plans = new LinkedHashMap<>();
        plans.put(new Request("national by province", query(null, null, null), province, List.of()), List.of(11));
        plans.put(new Request("national by kabkota", query(null, null, null), kabkota, List.of()), List.of(12));
        plans.put(new Request("2024 by province", query(null, from2024, from2025), province, List.of()), List.of(11));
        plans.put(new Request("13 by kabkota", query("13", from2024, from2025), kabkota, List.of("13")), List.of(12));
        plans.put(
                new Request("a kabupaten's caller", query(null, null, null), province, List.of("13.77")), List.of(12));
        plans.forEach((r, cubes) -> {
            StatisticsPlan.Sql sql = StatisticsPlan.of(
                            r.query(),
                            r.groupBy(),
                            r.scope(),
                            readable,
                            null,
                            StatisticsPlan.Measures.RESOLUTION,
                            Integer.MAX_VALUE)
                    .orElseThrow();
            assertThat(sql.cubes()).as(r.name()).isEqualTo(cubes);
            // whole years from the cube and its deltas: no hours from the incidents
            assertThat(sql.text()).as(r.name()).doesNotContain("from incident where");
        });
        // a region or scope below a kabupaten/kota: the scan
        assertThat(StatisticsPlan.of(
                        query("19.71.01", null, null),
                        kabkota,
                        List.of(),
                        readable,
                        null,
                        StatisticsPlan.Measures.RESOLUTION,
                        Integer.MAX_VALUE))
                .isEmpty();
        assertThat(StatisticsPlan.of(
                        query(null, null, null),
                        province,
                        List.of("19.71.01"),
                        readable,
                        null,
                        StatisticsPlan.Measures.RESOLUTION,
                        Integer.MAX_VALUE))
                .isEmpty();
        // a year of UTC is no whole WIB year: months from a month cube, which keeps no stage with a region
        assertThat(StatisticsPlan.of(
                        query(null, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")),
                        province,
                        List.of(),
                        readable,
                        null,
                        StatisticsPlan.Measures.RESOLUTION,
                        Integer.MAX_VALUE))
                .isEmpty();
    }

    private static IncidentQuery query(String region, Instant from, Instant to) {
        return new IncidentQuery(
                region,
                null,
                null,
                null,
                null,
                from,
                to,
                null,
                null,
                null,
                null,
                null,
                IncidentQuery.Duplicates.EXCLUDE,
                IncidentQuery.Order.OCCURRED_AT);
    }
}
