package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import id.terpadu.apikey.ApiKeyResourceTest;
import id.terpadu.common.security.AuthorizationSweepTest.Operation;
import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.Fixtures;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;
import id.terpadu.webhook.WebhookResourceTest;

/**
 * What a caller may not see never leaves the system for it (OWASP API3): a CONFIDENTIAL incident and early warning
 * (an intelligence report) and a victim's name are planted in Kabupaten Belitung, then every GET operation of the
 * served OpenAPI document is called, with real ids, list filters, every export format, GeoJSON and the feed, by
 * callers who are not cleared and may not read personal data; no answer holds the marker or the name. Counts and
 * webhook queues are checked the same way.
 */
@QuarkusTest
class DisclosureTest {

    @Test
    void confidentialRecordsAndNamesNeverReachACallerWhoMayNotSeeThem() {
        Fixtures.World world = Fixtures.belitung();
        String[] hookId = new String[1];
        try {
            String region = world.region();
            UUID bin = TestData.createAgency(TestData.unique("Binda Kepulauan Bangka Belitung"), "BIN", "19");
            UUID polres = TestData.createAgency(TestData.unique("Polres Belitung Timur"), "POLRI", region);
            RequestSpecification binda = Tokens.as("binda.19", List.of("OFFICER"), List.of("19"), bin);
            // for reads with a query string, which stays on the spec it was sent with and would go to the next read
            java.util.function.Supplier<RequestSpecification> bindaAnew =
                    () -> Tokens.as("binda.19", List.of("OFFICER"), List.of("19"), bin);
            String secret = "RAHASIA-" + UUID.randomUUID();
            String victim = "Cut Nyak Meutia Zulkarnain";

            // Uncleared subscriber, whose queue must never get the confidential incident.
            String hook = Tokens.coordinator("19")
                    .body(WebhookResourceTest.subscription(
                            "http://127.0.0.1:9/hook", List.of("incident", "early-warning"), region, "RESTRICTED"))
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            hookId[0] = hook;
            String feedStart = Tokens.analyst("19")
                    .get("/api/v1/feed/changes/latest")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("cursor");

            Map<String, Object> confidential =
                    new HashMap<>(IncidentResourceTest.incident(secret + " laporan intelijen", region));
            confidential.put("classification", "CONFIDENTIAL");
            confidential.put("sourceKind", "INTELIJEN");
            confidential.put("description", secret);
            String secretIncident = binda.body(confidential)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Map<String, Object> warning = new HashMap<>(EarlyWarningResourceTest.warning(region, 4, 4));
            warning.put("title", secret + " potensi konflik");
            warning.put("classification", "CONFIDENTIAL");
            String secretWarning = binda.body(warning)
                    .post("/api/v1/early-warnings")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Map<String, Object> withVictim =
                    new HashMap<>(IncidentResourceTest.incident("Penganiayaan penambang", region));
            withVictim.put("parties", List.of(Map.of("type", "PERORANGAN", "name", victim, "role", "KORBAN")));
            withVictim.put("leadAgencyId", polres.toString());
            String victimIncident = Tokens.coordinator("19")
                    .body(withVictim)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            String key = Tokens.admin()
                    .body(ApiKeyResourceTest.key(
                            world.secretariat(),
                            List.of("19"),
                            List.of("read", "feed:read", "export:read"),
                            "RESTRICTED"))
                    .post("/api/v1/api-keys")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("key");
            UUID other = TestData.createAgency(TestData.unique("Kodim 0414 Belitung"), "TNI", region);
            Map<String, RequestSpecification> readers = new LinkedHashMap<>();
            readers.put("analyst", Tokens.analyst("19"));
            readers.put("officer of another agency", Tokens.as("kodim.19", List.of("OFFICER"), List.of("19"), other));
            readers.put("integration token", Tokens.as("integration.19", List.of("INTEGRATION"), List.of("19")));
            readers.put("api key", given().header("X-API-Key", key));

            // Every GET, for the world's records and again with the confidential ones in place of the incident and
            // warning.
            List<String> paths = new ArrayList<>();
            Map<String, String> secretIds = new HashMap<>(world.ids());
            secretIds.put("/incidents/{id}", "/incidents/" + secretIncident);
            secretIds.put("/early-warnings/{id}", "/early-warnings/" + secretWarning);
            Fixtures.World secretWorld = new Fixtures.World(region, world.secretariat(), secretIds);
            Map<String, String> victimIds = new HashMap<>(world.ids());
            victimIds.put("/incidents/{id}", "/incidents/" + victimIncident);
            Fixtures.World victimWorld = new Fixtures.World(region, world.secretariat(), victimIds);
            for (Operation op : AuthorizationSweepTest.operations()) {
                if (!op.method().equals("GET")) {
                    continue;
                }
                String template = op.path().replace("{code}", region).replace("{kind}", "conflict-categories");
                for (Fixtures.World w : List.of(world, secretWorld, victimWorld)) {
                    paths.add(w.concrete(template));
                }
            }
            String filters = "region=" + region + "&limit=200";
            paths.addAll(List.of(
                    "/api/v1/incidents?" + filters,
                    "/api/v1/incidents?q=" + secret,
                    "/api/v1/incidents?q=Zulkarnain",
                    "/api/v1/incidents?classification=CONFIDENTIAL",
                    "/api/v1/early-warnings?" + filters,
                    "/api/v1/early-warnings?verification=TERVERIFIKASI&" + filters,
                    "/api/v1/incidents?verification=TERVERIFIKASI&" + filters,
                    "/api/v1/statistics/incidents?verification=TERVERIFIKASI&region=" + region,
                    "/api/v1/exports/incidents?format=ndjson&region=" + region,
                    "/api/v1/exports/incidents?format=csv&region=" + region,
                    "/api/v1/exports/incidents?format=geojson&region=" + region,
                    "/api/v1/feed/changes?limit=200&after=" + feedStart,
                    "/api/v1/statistics/incidents?groupBy=kabkota,stage&region=" + region,
                    "/api/v1/statistics/incidents?groupBy=kecamatan,parentCategory,isoWeek&region=" + region,
                    "/api/v1/statistics/early-warnings?groupBy=kabkota,riskLevel,status&region=" + region,
                    "/api/v1/statistics/tasks?groupBy=kabkota,state&region=" + region,
                    "/api/v1/statistics/resolution?level=kabkota&region=" + region,
                    "/api/v1/alerts.atom"));
            int answers = 0;
            List<String> leaks = new ArrayList<>();
            for (Map.Entry<String, RequestSpecification> reader : readers.entrySet()) {
                for (String path : paths) {
                    for (String accept : List.of("application/json", "application/geo+json")) {
                        if (accept.endsWith("geo+json")
                                && !path.startsWith("/api/v1/incidents?")
                                && !path.startsWith("/api/v1/early-warnings?")) {
                            continue;
                        }
                        var response = given().spec(reader.getValue())
                                .accept(accept.equals("application/json") ? "*/*" : accept)
                                .get(path);
                        String body = response.asString();
                        assertThat(response.statusCode())
                                .as(reader.getKey() + " " + path)
                                .isLessThan(500);
                        // A 404 may echo the id it was asked for; any other mention of a secret record's id is a leak.
                        boolean idLeak = (body.contains(secretIncident) && !path.contains(secretIncident))
                                || (body.contains(secretWarning) && !path.contains(secretWarning));
                        // the world's account: its email is personal data, of accounts that none of these readers
                        // manage
                        if (body.contains(secret)
                                || idLeak
                                || body.contains("Zulkarnain")
                                || body.contains("rahmat.hidayat@")) {
                            leaks.add(reader.getKey() + " GET " + path + " → " + response.statusCode());
                        }
                        answers++;
                    }
                }
            }
            assertThat(leaks).as("answers holding what the reader may not see").isEmpty();
            assertThat(answers).isGreaterThan(300);

            // The cleared reader does see them (the sweep above could have found them).
            assertThat(binda.get("/api/v1/incidents/" + secretIncident)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains(secret);
            // Among the likely duplicates of the world's incident, which the sweep asked about, the cleared reader
            // finds
            // the confidential one: hidden from the others by clearance alone.
            // (a spec of its own: a query string in a path stays on the spec it was sent with, and the other reads
            // take no limit)
            assertThat(bindaAnew
                            .get()
                            .get(world.concrete("/api/v1/incidents/{id}/similar") + "?limit=50")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains(secretIncident);
            assertThat(Tokens.coordinator("19")
                            .get("/api/v1/incidents/" + victimIncident)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains(victim);

            // An account's email and phone reach those who manage it, never its history (the change log), whoever reads
            // it.
            String account = world.concrete("/api/v1/accounts/{id}");
            assertThat(Tokens.coordinator("19")
                            .get(account)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains("rahmat.hidayat@");
            assertThat(Tokens.admin()
                            .get(account + "/history")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .doesNotContain("rahmat.hidayat@")
                    .doesNotContain("6600 1234")
                    .contains("r***@kesbangpol.example");

            // A verification naming a confidential record as the original tells an uncleared verifier no more than an
            // unknown id would: the same 400, nothing written.
            Map<String, String> duplicated = Map.of(
                    "early-warnings",
                    Tokens.coordinator("19")
                            .body(EarlyWarningResourceTest.warning(region, 2, 2))
                            .post("/api/v1/early-warnings")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"),
                    "incidents",
                    Tokens.coordinator("19")
                            .body(IncidentResourceTest.incident("Laporan ganda penambangan", region))
                            .post("/api/v1/incidents")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
            Map<String, String> secrets = Map.of("early-warnings", secretWarning, "incidents", secretIncident);
            for (Map.Entry<String, String> record : duplicated.entrySet()) {
                List<String> details = new ArrayList<>();
                for (String original :
                        List.of(secrets.get(record.getKey()), UUID.randomUUID().toString())) {
                    // the world's webhook keeps retrying its unreachable target meanwhile: its tables are not ours
                    var before = withoutWebhookDeliveries(Db.snapshot());
                    String detail = Tokens.as("kodim.19", List.of("OFFICER"), List.of("19"), other)
                            .header("If-Match", "\"0\"")
                            .body(Map.of("state", "DUPLIKAT", "method", "CEK_LAPANGAN", "duplicateOf", original))
                            .post("/api/v1/" + record.getKey() + "/{id}/verification", record.getValue())
                            .then()
                            .statusCode(400)
                            .extract()
                            .path("errors[0].message");
                    assertThat(withoutWebhookDeliveries(Db.snapshot()))
                            .as("database after a refused verification")
                            .isEqualTo(before);
                    details.add(detail.replace(original, "{id}"));
                }
                assertThat(details.get(0)).as(record.getKey()).isEqualTo(details.get(1));
            }

            // Counts: the uncleared reader's statistics miss exactly the confidential incidents of the region.
            long confidentialHere = Db.count(
                    "select count(*) from incident where region_code like ? and classification = 'CONFIDENTIAL'",
                    region + "%");
            assertThat(confidentialHere).isPositive();
            assertThat(count(bindaAnew.get(), region) - count(Tokens.analyst("19"), region))
                    .isEqualTo(confidentialHere);
            // and so do the early-warning statistics and the table of conflicts resolved
            long confidentialWarnings = Db.count(
                    "select count(*) from early_warning where region_code like ? and classification = 'CONFIDENTIAL' "
                            + "and verification <> 'DUPLIKAT'",
                    region + "%");
            assertThat(confidentialWarnings).isPositive();
            String warnings = "/api/v1/statistics/early-warnings?region=" + region;
            assertThat(sum(bindaAnew.get(), warnings, "rows.warnings")
                            - sum(Tokens.analyst("19"), warnings, "rows.warnings"))
                    .isEqualTo(confidentialWarnings);
            String resolution = "/api/v1/statistics/resolution?level=kabkota&region=" + region;
            assertThat(sum(bindaAnew.get(), resolution, "rows.recorded")
                            - sum(Tokens.analyst("19"), resolution, "rows.recorded"))
                    .isEqualTo(Db.count(
                            "select count(*) from incident where region_code like ? and classification = 'CONFIDENTIAL' "
                                    + "and verification not in ('TIDAK_VALID', 'DUPLIKAT')",
                            region + "%"));

            // Webhooks: the uncleared subscription's queue holds the victim's incident, never the confidential records.
            assertThat(Db.count(
                            "select count(*) from webhook_delivery where subscription_id = ?::uuid and entity_id in (?::uuid, ?::uuid)",
                            hook,
                            secretIncident,
                            secretWarning))
                    .isZero();
            assertThat(Db.count(
                            "select count(*) from webhook_delivery where subscription_id = ?::uuid and entity_id = ?::uuid",
                            hook,
                            victimIncident))
                    .isEqualTo(1);

            // A merge patch: the confidential incident is to an uncleared officer what an unknown id is (the same 404,
            // nothing written). The officer who sees the victim's name masked patches another field of that incident:
            // the mask is not written over the name, and the answer holds the mask.
            RequestSpecification kodim = Tokens.as("kodim.19", List.of("OFFICER"), List.of("19"), other);
            var beforePatch = withoutWebhookDeliveries(Db.snapshot());
            List<String> notFound = new ArrayList<>();
            for (String id : List.of(secretIncident, UUID.randomUUID().toString())) {
                String detail = given().spec(kodim)
                        .contentType("application/merge-patch+json")
                        .header("If-Match", "\"0\"")
                        .body("{\"severity\": 5}")
                        .patch("/api/v1/incidents/" + id)
                        .then()
                        .statusCode(404)
                        .extract()
                        .path("detail");
                notFound.add(detail.replace(id, "{id}"));
            }
            assertThat(notFound.get(0)).isEqualTo(notFound.get(1));
            assertThat(withoutWebhookDeliveries(Db.snapshot())).isEqualTo(beforePatch);
            String etag = given().spec(kodim)
                    .get("/api/v1/incidents/" + victimIncident)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            String patched = given().spec(kodim)
                    .contentType("application/merge-patch+json")
                    .header("If-Match", etag)
                    .body("{\"severity\": 4}")
                    .patch("/api/v1/incidents/" + victimIncident)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(patched).doesNotContain("Zulkarnain").contains("\"severity\":4");
            assertThat(Tokens.coordinator("19")
                            .get("/api/v1/incidents/" + victimIncident)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .contains(victim)
                    .contains("\"severity\":4");
            assertThat(Db.count(
                            "select count(*) from change_log where entity_id = ?::uuid and snapshot::text like '%Zulkarnain%'",
                            victimIncident))
                    .isZero();
        } finally {
            world.dropWebhook();
            if (hookId[0] != null) {
                Db.execute("delete from webhook_subscription where id = '" + hookId[0] + "'");
            }
        }
    }

    private static Map<String, String> withoutWebhookDeliveries(Map<String, String> snapshot) {
        snapshot.remove("webhook_delivery");
        snapshot.remove("webhook_attempt");
        return snapshot;
    }

    private static long sum(RequestSpecification as, String path, String counts) {
        List<Number> values = as.get(path).then().statusCode(200).extract().path(counts);
        return values.stream().mapToLong(Number::longValue).sum();
    }

    private static long count(RequestSpecification as, String region) {
        List<Integer> counts = as.get("/api/v1/statistics/incidents?groupBy=kabkota&region=" + region)
                .then()
                .statusCode(200)
                .extract()
                .path("rows.incidents");
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * A community report's photo: its reporter learns how many arrived and nothing else; readers who do not triage the
     * report (an analyst, an integration token, an API key of the region) get the same 404 for the report's photos as
     * for a photo that does not exist, by list, by id and for the bytes; and the photo's place is served to no one.
     */
    @Test
    void aReportersPhotoReachesOnlyThoseWhoTriageTheReport() throws Exception {
        TestData.ensureRegions();
        String region = "19.04";
        Map<String, Object> report = new HashMap<>();
        report.put("description", "Pondok warga dibakar di batas kebun; foto terlampir.");
        report.put("regionCode", region);
        report.put("occurredAt", java.time.Instant.now().minusSeconds(3600).toString());
        report.put("contactPhone", "0819 7777 1234");
        report.put("altcha", id.terpadu.support.ProofOfWork.fresh());
        Map<String, Object> received = given().contentType("application/json")
                .body(report)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getMap("");
        String code = (String) received.get("trackingCode");
        String key = (String) received.get("uploadKey");
        String reportId =
                Db.single("select id::text from intake_report where tracking_code = ?", code.replace("-", ""));
        String photo = given().header("Report-Key", key)
                .multiPart("file", "pondok.jpg", id.terpadu.attachment.PublicPhotosFixture.jpegWithPlace())
                .post("/api/v1/public/reports/" + code + "/photos")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        Map<String, Object> tracked = given().get("/api/v1/public/reports/" + code)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(tracked).containsOnlyKeys("trackingCode", "status", "reason", "receivedAt", "updatedAt", "photos");
        assertThat(tracked.toString()).doesNotContain(photo).doesNotContain(reportId);

        String apiKey = Tokens.admin()
                .body(ApiKeyResourceTest.key(
                        TestData.createAgency(TestData.unique("Kesbangpol Belitung"), "KESBANGPOL", region),
                        List.of("19"),
                        List.of("read"),
                        "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        Map<String, RequestSpecification> readers = new LinkedHashMap<>();
        readers.put("analyst", Tokens.analyst("19"));
        readers.put("integration token", Tokens.as("integration.19", List.of("INTEGRATION"), List.of("19")));
        readers.put("api key", given().header("X-API-Key", apiKey));
        readers.put("anonymous", given());
        String unknown = UUID.randomUUID().toString();
        for (Map.Entry<String, RequestSpecification> reader : readers.entrySet()) {
            for (String[] pair : List.of(
                    new String[] {
                        "/api/v1/attachments?parentType=intake-report&parentId=" + reportId,
                        "/api/v1/attachments?parentType=intake-report&parentId=" + unknown
                    },
                    new String[] {"/api/v1/attachments/" + photo, "/api/v1/attachments/" + unknown},
                    new String[] {
                        "/api/v1/attachments/" + photo + "/content", "/api/v1/attachments/" + unknown + "/content"
                    },
                    new String[] {"/api/v1/intake/" + reportId, "/api/v1/intake/" + unknown})) {
                var real = given().spec(reader.getValue()).get(pair[0]);
                var none = given().spec(reader.getValue()).get(pair[1]);
                assertThat(real.statusCode())
                        .as(reader.getKey() + " " + pair[0])
                        .isEqualTo(none.statusCode());
                assertThat(real.statusCode())
                        .as(reader.getKey() + " " + pair[0])
                        .isIn(401, 403, 404);
                assertThat(real.asString()).doesNotContain("0819 7777 1234").doesNotContain("pondok.jpg");
            }
        }
        // the triager reads it, without its place
        String served = Tokens.coordinator(region)
                .get("/api/v1/attachments/" + photo)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(served).doesNotContain("latitude").doesNotContain("-0.6264");
    }
}
