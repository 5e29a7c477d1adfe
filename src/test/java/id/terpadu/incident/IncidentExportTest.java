package id.terpadu.incident;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/** Streaming exports: the list's filters and scope, three formats that parse back, and 100,000 rows. */
@QuarkusTest
@Tag("external-db")
class IncidentExportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<List<String>> csv(String body) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it =
                mapper.readerForListOf(String.class).readValues(body)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    @Test
    void aProvincesIncidentsAsCsvWithHxlNdjsonAndGeoJsonWithinTheCallersView() throws IOException {
        TestData.ensureRegions();
        Map<String, Object> tricky =
                new HashMap<>(IncidentResourceTest.incident("Bentrokan \"warga\", sawit; kebun", "13.77"));
        tricky.put("point", Map.of("lat", -0.6263, "lon", 100.1205));
        String trickyId = coordinator("13")
                .body(tricky)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String formulaId = coordinator("13")
                .body(IncidentResourceTest.incident("=HYPERLINK(\"http://x\")", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String elsewhere = coordinator("19")
                .body(IncidentResourceTest.incident("Bentrokan di Babel", "19.71"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        Map<String, Object> secret = new HashMap<>(IncidentResourceTest.incident("Laporan intelijen", "13.77"));
        secret.put("classification", "CONFIDENTIAL");
        String confidential = Tokens.as("binda.export", List.of("COORDINATOR"), List.of("13"), binda)
                .body(secret)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        String body = coordinator("13")
                .accept("text/csv")
                .get("/api/v1/exports/incidents?region=13.77")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"))
                .extract()
                .asString();
        List<List<String>> rows = csv(body);
        assertThat(rows.get(0)).startsWith("id", "title", "category", "regionCode", "provinceCode", "kabkotaCode");
        assertThat(rows.get(1))
                .contains(
                        "#adm1+code",
                        "#adm2+code",
                        "#geo+lat",
                        "#geo+lon",
                        "#date+occurred",
                        "#affected+killed",
                        "#affected+injured",
                        "#affected+idps");
        int id = rows.get(0).indexOf("id");
        int title = rows.get(0).indexOf("title");
        int province = rows.get(0).indexOf("provinceCode");
        int displaced = rows.get(0).indexOf("displaced");
        Map<String, List<String>> byId = new HashMap<>();
        rows.subList(2, rows.size()).forEach(r -> byId.put(r.get(id), r));
        assertThat(byId).containsKeys(trickyId, formulaId).doesNotContainKeys(elsewhere, confidential);
        assertThat(byId.get(trickyId).get(title)).isEqualTo("Bentrokan \"warga\", sawit; kebun");
        assertThat(byId.get(formulaId).get(title)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(byId.get(trickyId).get(province)).isEqualTo("13");
        assertThat(byId.get(trickyId).get(displaced))
                .as("unknown is empty, never 0")
                .isEmpty();
        assertThat(rows.subList(2, rows.size())).allSatisfy(r -> assertThat(r).hasSameSizeAs(rows.get(0)));

        String ndjson = coordinator("13")
                .get("/api/v1/exports/incidents?region=13.77&format=ndjson")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .extract()
                .asString();
        List<String> ids = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            JsonNode node = JSON.readTree(line);
            ids.add(node.get("id").asText());
            assertThat(node.get("regionCode").asText()).startsWith("13.77");
        }
        assertThat(ids)
                .contains(trickyId)
                .doesNotContain(elsewhere, confidential)
                .doesNotHaveDuplicates();

        JsonNode geo = JSON.readTree(coordinator("13")
                .accept("application/geo+json")
                .get("/api/v1/exports/incidents?region=13.77")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features").findValuesAsText("id"))
                .contains(trickyId)
                .doesNotContain(confidential);
        for (JsonNode feature : geo.get("features")) {
            if (feature.get("id").asText().equals(trickyId)) {
                assertThat(feature.get("geometry").get("coordinates").get(0).asDouble())
                        .isEqualTo(100.1205);
                assertThat(feature.get("geometry").get("coordinates").get(1).asDouble())
                        .isEqualTo(-0.6263);
                assertThat(feature.get("properties").get("title").asText())
                        .isEqualTo("Bentrokan \"warga\", sawit; kebun");
            } else if (feature.get("id").asText().equals(formulaId)) {
                assertThat(feature.get("geometry").isNull()).isTrue();
            }
        }

        Tokens.as("binda.export", List.of("COORDINATOR"), List.of("13"), binda)
                .get("/api/v1/exports/incidents?region=13.77&format=ndjson")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(confidential));
        coordinator("13").get("/api/v1/exports/incidents?format=xlsx").then().statusCode(400);
        coordinator("13")
                .accept("application/json")
                .get("/api/v1/exports/incidents")
                .then()
                .statusCode(406);
        coordinator("13").get("/api/v1/exports/incidents?region=1").then().statusCode(400);
        Tokens.as("officer.13", List.of("OFFICER"), List.of("13"))
                .get("/api/v1/exports/incidents")
                .then()
                .statusCode(403);
    }

    @Test
    void aHundredThousandIncidentsStreamInEachFormat() throws IOException {
        TestData.ensureRegions();
        // other tests (the fuzzer among them) may have reported incidents in Wonosobo too
        long existing =
                Db.count("select count(*) from incident where region_code = '33.07' or region_code like '33.07.%'");
        // one statement loads them; the service's 15 s statement limit is lifted for it alone, as busy CI cores may
        // need
        Db.execute("""
                begin;
                set local statement_timeout = 0;
                insert into incident (id, title, description, category_code, region_code, latitude, longitude, location_text,
                                      geo_precision, time_precision, occurred_from, source_kind, severity, classification,
                                      stage, parties, vulnerable_groups, killed, injured, version, created_at, updated_at,
                                      created_by, updated_by)
                select gen_random_uuid(), 'Ekspor massal ' || g, 'Uji ekspor', 'SENGKETA_LAHAN', '33.07',
                       -7.36 + g % 100 * 0.001, 109.9 + g % 100 * 0.001, 'Wonosobo', 1, 1,
                       now() - g * interval '1 minute', 'MEDIA', 1 + g % 5, 'PUBLIC', 'PENCEGAHAN', '[]', '[]',
                       case when g % 3 = 0 then null else g % 4 end, g % 9, 0, now(), now(), 'test', 'test'
                from generate_series(1, 100000) g;
                commit""");
        try {
            String csv = admin().get("/api/v1/exports/incidents?region=33.07&format=csv")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(csv(csv)).hasSize(100_002 + (int) existing);
            String ndjson = admin().get("/api/v1/exports/incidents?region=33.07&format=ndjson")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(ndjson.lines().count()).isEqualTo(100_000 + existing);
            JsonNode geo = JSON.readTree(admin().get("/api/v1/exports/incidents?region=33.07&format=geojson")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(geo.get("features")).hasSize(100_000 + (int) existing);
        } finally {
            // the clean-up of 100,000 rows needs the same lifted limit on busy cores, or later tests see them. The
            // load and the clean-up left 200,000 deltas for the statistics, which the compaction moves 5,000 a second:
            // until then every read of the cubes sums them again (the snapshot of a later test took 6 s here, and more
            // than the 15 s limit on a busy CI machine). So the test ends as docs/operations.md tells an operator to
            // end a bulk load: the cubes counted again from the incidents, the deltas gone.
            Db.execute("""
                    begin;
                    set local statement_timeout = 0;
                    set local lock_timeout = 0;
                    delete from incident where region_code = '33.07' and title like 'Ekspor massal %';
                    select incident_stat_rebuild();
                    commit""");
        }
    }
}
