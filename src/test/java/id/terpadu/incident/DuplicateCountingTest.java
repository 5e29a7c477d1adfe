package id.terpadu.incident;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * An event reported twice is one event: statistics and exports leave records verified DUPLIKAT out unless asked
 * ({@code includeDuplicates=true}), the list shows them unless asked ({@code duplicates=exclude|only|include}), and
 * exports name each duplicate's original.
 */
@QuarkusTest
class DuplicateCountingTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    /** Five reports of three events on a day of their own: two of them verified DUPLIKAT of their originals. */
    record DataSet(String from, String to, List<String> originals, Map<String, String> duplicates) {

        String range() {
            return "region=13.77&from=" + from + "&to=" + to;
        }
    }

    static DataSet reportedTwice() {
        Instant day = Instant.parse("2012-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(0, 3000), ChronoUnit.DAYS);
        RequestSpecification officer = as("officer.dup.13", List.of("OFFICER"), List.of("13"));
        String[] originals = new String[3];
        for (int i = 0; i < 3; i++) {
            originals[i] = create(officer, "Bentrokan " + i, day.plus(i, ChronoUnit.HOURS), 1);
        }
        Map<String, String> duplicates = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            String duplicate = create(officer, "Laporan ulang bentrokan " + i, day.plus(i, ChronoUnit.HOURS), 1);
            coordinator("13")
                    .header("If-Match", "\"0\"")
                    .body(Map.of(
                            "state",
                            "DUPLIKAT",
                            "method",
                            "CEK_SILANG_INSTANSI",
                            "duplicateOf",
                            originals[i],
                            "note",
                            "Sama"))
                    .post("/api/v1/incidents/{id}/verification", duplicate)
                    .then()
                    .statusCode(200)
                    .body("verification.state", equalTo("DUPLIKAT"));
            duplicates.put(duplicate, originals[i]);
        }
        return new DataSet(day.toString(), day.plus(1, ChronoUnit.DAYS).toString(), List.of(originals), duplicates);
    }

    static String create(RequestSpecification as, String title, Instant at, int killed) {
        Map<String, Object> body = IncidentResourceTest.incident(title, "13.77");
        body.put("occurredFrom", at.toString());
        body.put("impact", Map.of("killed", killed));
        return as.body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void statisticsCountEachEventOnceAndTheRawCountDiffersByTheDuplicates() {
        DataSet data = reportedTwice();
        JsonPath once = coordinator("13")
                .get("/api/v1/statistics/incidents?" + data.range())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(once.getLong("rows[0].incidents")).isEqualTo(3);
        assertThat(once.getLong("rows[0].killed.sum")).isEqualTo(3);
        JsonPath raw = coordinator("13")
                .get("/api/v1/statistics/incidents?includeDuplicates=true&" + data.range())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(raw.getLong("rows[0].incidents") - once.getLong("rows[0].incidents"))
                .isEqualTo(data.duplicates().size());
        assertThat(raw.getLong("rows[0].killed.sum")).isEqualTo(5);
        // grouped the same way: each group counts its events once
        coordinator("13")
                .get("/api/v1/statistics/incidents?groupBy=kabkota&includeDuplicates=false&" + data.range())
                .then()
                .statusCode(200)
                .body("rows.incidents", contains(3));
        // the explicit state with the duplicates asked for: exactly them
        coordinator("13")
                .get("/api/v1/statistics/incidents?verification=DUPLIKAT&includeDuplicates=true&" + data.range())
                .then()
                .statusCode(200)
                .body("rows[0].incidents", equalTo(2));

        var before = Db.snapshot();
        for (String bad : List.of("yes", "TRUE", "1")) {
            coordinator("13")
                    .get("/api/v1/statistics/incidents?includeDuplicates=" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("includeDuplicates"))
                    .body("allowed", contains("true", "false"));
        }
        Db.assertUnchanged(before);
    }

    @Test
    void exportsLeaveDuplicatesOutByDefaultAndNameTheOriginal() {
        DataSet data = reportedTwice();
        RequestSpecification analyst = Tokens.analyst("13");
        List<String> lines = analyst.get("/api/v1/exports/incidents?format=ndjson&" + data.range())
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().map(l -> JsonPath.from(l).getString("id")))
                .containsExactlyInAnyOrderElementsOf(data.originals());
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"duplicateOf\":null"));

        List<String> raw = Tokens.analyst("13")
                .get("/api/v1/exports/incidents?format=ndjson&includeDuplicates=true&" + data.range())
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .toList();
        assertThat(raw).hasSize(5);
        Map<String, String> named = new HashMap<>();
        for (String line : raw) {
            JsonPath row = JsonPath.from(line);
            if (row.getString("duplicateOf") != null) {
                named.put(row.getString("id"), row.getString("duplicateOf"));
            }
        }
        assertThat(named).isEqualTo(data.duplicates());

        String csv = Tokens.analyst("13")
                .get("/api/v1/exports/incidents?format=csv&includeDuplicates=true&" + data.range())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).endsWith(",duplicateOf");
        assertThat(rows.get(1)).endsWith(",#meta+duplicate_of");
        assertThat(rows).hasSize(2 + 5);
        data.duplicates()
                .forEach((duplicate, original) -> assertThat(rows)
                        .anySatisfy(r -> assertThat(r).startsWith(duplicate).endsWith("," + original)));
        assertThat(Tokens.analyst("13")
                        .get("/api/v1/exports/incidents?format=csv&" + data.range())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .lines())
                .hasSize(2 + 3);

        JsonPath geojson = Tokens.analyst("13")
                .get("/api/v1/exports/incidents?format=geojson&" + data.range())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(geojson.getList("features.id", String.class)).containsExactlyInAnyOrderElementsOf(data.originals());
        assertThat(geojson.getList("features.properties", Map.class))
                .allSatisfy(p -> assertThat(p.containsKey("duplicateOf") && p.get("duplicateOf") == null)
                        .isTrue());

        var before = Db.snapshot();
        Tokens.analyst("13")
                .get("/api/v1/exports/incidents?format=csv&includeDuplicates=maybe&" + data.range())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("includeDuplicates"));
        Db.assertUnchanged(before);
    }

    @Test
    void theListTakesIncludeExcludeOrOnly() {
        DataSet data = reportedTwice();
        String range = data.range() + "&limit=200";
        List<String> all = new java.util.ArrayList<>(data.originals());
        all.addAll(data.duplicates().keySet());
        coordinator("13")
                .get("/api/v1/incidents?" + range)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(all.toArray()));
        coordinator("13")
                .get("/api/v1/incidents?duplicates=include&" + range)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(all.toArray()));
        coordinator("13")
                .get("/api/v1/incidents?duplicates=exclude&" + range)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(data.originals().toArray()));
        coordinator("13")
                .get("/api/v1/incidents?duplicates=only&" + range)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(data.duplicates().keySet().toArray()))
                .body("items.duplicateOf", hasItems(data.duplicates().values().toArray()));
        // GeoJSON shares the list's filters
        coordinator("13")
                .accept("application/geo+json")
                .get("/api/v1/incidents?duplicates=only&" + range)
                .then()
                .statusCode(200)
                .body(
                        "features.id",
                        containsInAnyOrder(data.duplicates().keySet().toArray()));

        var before = Db.snapshot();
        for (String bad : List.of("EXCLUDE", "none", "true")) {
            coordinator("13")
                    .get("/api/v1/incidents?duplicates=" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("duplicates"))
                    .body("allowed", contains("exclude", "only", "include"));
            coordinator("13")
                    .accept("application/geo+json")
                    .get("/api/v1/incidents?duplicates=" + bad)
                    .then()
                    .statusCode(400)
                    .body("allowed", contains("exclude", "only", "include"));
        }
        Db.assertUnchanged(before);
    }
}
