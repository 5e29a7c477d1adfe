package id.terpadu.support.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * What the fuzzer's requests stand on: a small realistic dataset made through the API before the run (so that path
 * ids are real and requests reach deep validation), the callers, and what answers reveal during the run (new ids,
 * ETags, cursors).
 */
public final class Fixtures {

    /** A record of a collection: its id and, for a nested collection, the id of its parent. */
    public record Entry(String parent, String id) {}

    /** A caller: the value of its Authorization header and a name for the report. */
    public record Caller(String name, String authorization) {}

    private static final int POOL_LIMIT = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Region codes that exist: provinces, kabupaten/kota and finer (from {@link TestData#REGIONS_CSV}). */
    public final List<String> regions = new ArrayList<>(List.of(
            "13",
            "19",
            "33",
            "13.71",
            "13.77",
            "19.01",
            "19.04",
            "19.71",
            "19.71.01",
            "19.71.01.1001",
            "33.07",
            "33.07.01"));

    public final List<String> referenceKinds = new ArrayList<>();
    public final List<Caller> callers = new ArrayList<>();
    /** Upload keys of community reports, for the public photo routes. */
    public final List<String> reportKeys = new ArrayList<>();

    public Caller admin;
    private final Map<String, List<Entry>> pools = new ConcurrentHashMap<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cursors = new ConcurrentHashMap<>();

    // --- the dataset

    /** Builds the dataset through the API, each record from the request example that {@code openapi.yaml} documents. */
    public static Fixtures prepare(OpenApi api) {
        Fixtures f = new Fixtures();
        TestData.ensureRegions();
        f.admin = new Caller("ADMIN", "Bearer " + Tokens.token("fuzz.admin", List.of("ADMIN"), List.of(), null));
        Examples ex = new Examples(api);

        String sumbarKesbangpol = f.create(
                "agencies",
                null,
                "/api/v1/agencies",
                Map.of("name", "Badan Kesbangpol Provinsi Sumatera Barat", "type", "KESBANGPOL", "regionCode", "13"));
        String polres = f.create(
                "agencies",
                null,
                "/api/v1/agencies",
                Map.of(
                        "name",
                        "Polres Pariaman",
                        "type",
                        "POLRI",
                        "regionCode",
                        "13.77",
                        "parentId",
                        sumbarKesbangpol));
        String binda = f.create(
                "agencies",
                null,
                "/api/v1/agencies",
                Map.of("name", "Binda Sumatera Barat", "type", "BIN", "regionCode", "13"));
        String babelKesbangpol = f.create(
                "agencies",
                null,
                "/api/v1/agencies",
                Map.of(
                        "name",
                        "Badan Kesbangpol Provinsi Kepulauan Bangka Belitung",
                        "type",
                        "KESBANGPOL",
                        "regionCode",
                        "19"));
        f.create(
                "agencies",
                null,
                "/api/v1/agencies",
                Map.of("name", "Korem 045/Garuda Jaya", "type", "TNI", "regionCode", "19.71"));

        String team13 = TestData.team("PROVINSI", "13", 2024, UUID.fromString(sumbarKesbangpol))
                .toString();
        String team19 = TestData.team("PROVINSI", "19", 2023, UUID.fromString(babelKesbangpol))
                .toString();
        f.add("teams", null, team13);
        f.add("teams", null, team19);
        Map<String, Object> member = ex.body("POST /api/v1/teams/{teamId}/members");
        member.put("agencyId", polres);
        member.put("role", "ANGGOTA");
        f.create("members", team13, "/api/v1/teams/" + team13 + "/members", member);

        Map<String, Object> incident = ex.body("POST /api/v1/incidents");
        incident.put("leadAgencyId", polres);
        String incident13 = f.create("incidents", null, "/api/v1/incidents", incident);
        Map<String, Object> incident19 = ex.body("POST /api/v1/incidents");
        incident19.put("regionCode", "19.71");
        incident19.put("point", Map.of("lat", -2.13, "lon", 106.11));
        incident19.put("classification", "PUBLIC");
        f.create("incidents", null, "/api/v1/incidents", incident19);
        Map<String, Object> activity = ex.body("POST /api/v1/incidents/{id}/activities");
        activity.put("agencyId", polres);
        f.create("activities", incident13, "/api/v1/incidents/" + incident13 + "/activities", activity);
        Map<String, Object> task = ex.body("POST /api/v1/incidents/{id}/tasks");
        task.put("agencyId", polres);
        task.put("dueAt", "2030-01-01T00:00:00Z");
        f.create("tasks", incident13, "/api/v1/incidents/" + incident13 + "/tasks", task);

        Map<String, Object> warning = ex.body("POST /api/v1/early-warnings");
        String warning13 = f.create("early-warnings", null, "/api/v1/early-warnings", warning);
        Map<String, Object> warningTask = ex.body("POST /api/v1/early-warnings/{id}/tasks");
        warningTask.put("agencyId", polres);
        warningTask.put("dueAt", "2030-01-01T00:00:00Z");
        f.create("tasks", warning13, "/api/v1/early-warnings/" + warning13 + "/tasks", warningTask);
        Map<String, Object> warning2 = ex.body("POST /api/v1/early-warnings");
        warning2.put("regionCode", "19.71");
        f.create("early-warnings", null, "/api/v1/early-warnings", warning2);

        // community reports in the queues of Kota Pariaman and Kota Pangkal Pinang, sent as the public sends them
        for (String region : List.of("13.77", "19.71")) {
            f.add(
                    "intake",
                    null,
                    id.terpadu.intake.IntakeTest.queued(Map.of(
                            "description",
                            "Ketegangan antarwarga dilaporkan masyarakat",
                            "regionCode",
                            region,
                            "occurredAt",
                            "2024-10-12T09:30:00Z")));
        }

        // a report whose upload key the photo routes are fuzzed with (no token: the key alone)
        Map<String, Object> keyed = new java.util.HashMap<>(Map.of(
                "description", "Ketegangan antarwarga, foto menyusul",
                "regionCode", "13.77",
                "occurredAt", "2024-10-12T09:30:00Z"));
        keyed.put("altcha", id.terpadu.support.ProofOfWork.fresh());
        f.reportKeys.add(io.restassured.RestAssured.given()
                .contentType("application/json")
                .body(keyed)
                .post("/api/v1/public/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("uploadKey"));

        // a status in force today, so that TNI assistance, extensions and revocations reach their rules
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Map<String, Object> conflictStatus = ex.body("POST /api/v1/conflict-statuses");
        conflictStatus.put("consultationDate", today.minusDays(1).toString());
        conflictStatus.put("startsOn", today.minusDays(1).toString());
        conflictStatus.put("endsOn", today.plusDays(29).toString());
        String status = f.create("conflict-statuses", null, "/api/v1/conflict-statuses", conflictStatus);
        Map<String, Object> tni = ex.body("POST /api/v1/conflict-statuses/{id}/tni-assistance");
        tni.put("startsOn", today.toString());
        tni.put("endsOn", today.plusDays(14).toString());
        f.create("tni-assistance", status, "/api/v1/conflict-statuses/" + status + "/tni-assistance", tni);

        Map<String, Object> meeting = ex.body("POST /api/v1/meetings");
        meeting.put("teamId", team13);
        meeting.remove("attendees");
        meeting.put("incidentIds", List.of(incident13));
        String meetingId = f.create("meetings", null, "/api/v1/meetings", meeting);
        Map<String, Object> decision = ex.body("POST /api/v1/meetings/{id}/decisions");
        decision.put("ownerAgencyId", polres);
        f.create("decisions", meetingId, "/api/v1/meetings/" + meetingId + "/decisions", decision);

        Map<String, Object> neutrality = ex.body("POST /api/v1/neutrality-cases");
        neutrality.put("handlingAgencyId", sumbarKesbangpol);
        JsonNode created = f.post("/api/v1/neutrality-cases", neutrality);
        String caseId = created.path("id").asText();
        f.add("neutrality-cases", null, caseId);
        created.path("persons")
                .forEach(p -> f.add("persons", caseId, p.path("id").asText()));

        Map<String, Object> plan = ex.body("POST /api/v1/action-plans");
        plan.put("teamId", team13);
        String planId = f.create("action-plans", null, "/api/v1/action-plans", plan);
        Map<String, Object> item = ex.body("POST /api/v1/action-plans/{id}/items");
        item.put("responsibleAgencyId", polres);
        item.put("supportingAgencyIds", List.of(binda));
        String itemId = f.create("items", planId, "/api/v1/action-plans/" + planId + "/items", item);
        f.create(
                "reports",
                planId,
                "/api/v1/action-plans/" + planId + "/items/" + itemId + "/reports",
                ex.body("POST /api/v1/action-plans/{id}/items/{itemId}/reports"));

        Map<String, Object> key = ex.body("POST /api/v1/api-keys");
        key.put("agencyId", sumbarKesbangpol);
        key.put(
                "expiresAt",
                java.time.Instant.now().plus(java.time.Duration.ofDays(300)).toString());
        JsonNode apiKey = f.post("/api/v1/api-keys", key);
        f.add("api-keys", null, apiKey.path("apiKey").path("id").asText());

        Map<String, Object> account = ex.body("POST /api/v1/accounts");
        account.put("agencyId", polres);
        account.put("subject", "fuzz." + java.util.UUID.randomUUID());
        f.create("accounts", null, "/api/v1/accounts", account);

        Map<String, Object> webhook = ex.body("POST /api/v1/webhooks");
        webhook.put("url", "http://127.0.0.1:9/hooks/terpadu");
        webhook.remove("regionCode");
        String webhookId = f.create("webhooks", null, "/api/v1/webhooks", webhook);
        // a change after the subscription, so that it has a delivery to list and redeliver
        Map<String, Object> incident2 = ex.body("POST /api/v1/incidents");
        incident2.put("title", "Pembakaran ban di depan kantor KPU");
        f.create("incidents", null, "/api/v1/incidents", incident2);
        JsonNode deliveries = f.get("/api/v1/webhooks/" + webhookId + "/deliveries");
        deliveries
                .path("items")
                .forEach(d -> f.add("deliveries", webhookId, d.path("id").asText()));

        f.get("/api/v1/reference")
                .path("items")
                .forEach(k -> f.referenceKinds.add(k.path("kind").asText()));
        if (f.referenceKinds.isEmpty()) {
            f.referenceKinds.addAll(List.of("conflict-categories", "team-roles", "agency-types"));
        }

        f.callers.add(f.admin);
        f.callers.add(new Caller(
                "COORDINATOR 13",
                "Bearer " + Tokens.token("fuzz.coordinator.13", List.of("COORDINATOR"), List.of("13"), null)));
        f.callers.add(new Caller(
                "COORDINATOR 19",
                "Bearer " + Tokens.token("fuzz.coordinator.19", List.of("COORDINATOR"), List.of("19"), null)));
        f.callers.add(new Caller(
                "OFFICER 13.77",
                "Bearer "
                        + Tokens.token("fuzz.officer", List.of("OFFICER"), List.of("13.77"), UUID.fromString(polres))));
        f.callers.add(new Caller(
                "OFFICER BIN",
                "Bearer " + Tokens.token("fuzz.bin", List.of("OFFICER"), List.of("13"), UUID.fromString(binda))));
        f.callers.add(new Caller(
                "ANALYST 13", "Bearer " + Tokens.token("fuzz.analyst", List.of("ANALYST"), List.of("13"), null)));
        f.callers.add(
                new Caller("INTEGRATION key", "ApiKey " + apiKey.path("key").asText()));
        return f;
    }

    /** The documented example bodies, as mutable maps. */
    static final class Examples {
        private final Map<String, JsonNode> byOperation = new HashMap<>();

        Examples(OpenApi api) {
            api.operations().forEach(op -> {
                if (!op.bodyExamples().isEmpty()) {
                    byOperation.put(op.key(), op.bodyExamples().get(0));
                }
            });
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> body(String operation) {
            JsonNode example = byOperation.get(operation);
            if (example == null) {
                throw new IllegalStateException("openapi.yaml has no example body for " + operation);
            }
            Map<String, Object> body = JSON.convertValue(example, Map.class);
            body.remove("id");
            return body;
        }
    }

    private String create(String pool, String parent, String path, Map<String, Object> body) {
        String id = post(path, body).path("id").asText();
        add(pool, parent, id);
        return id;
    }

    private JsonNode post(String path, Map<String, Object> body) {
        Response r = io.restassured.RestAssured.given()
                .header("Authorization", admin.authorization())
                .contentType("application/json")
                .body(body)
                .post(path);
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException(
                    "fixture POST " + path + " answered " + r.statusCode() + ": " + r.asString() + "\nbody: " + body);
        }
        if (r.header("ETag") != null && r.header("Location") != null) {
            etags.put(java.net.URI.create(r.header("Location")).getPath(), r.header("ETag"));
        }
        return read(r.asString());
    }

    private JsonNode get(String path) {
        Response r = io.restassured.RestAssured.given()
                .header("Authorization", admin.authorization())
                .get(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "fixture GET " + path + " answered " + r.statusCode() + ": " + r.asString());
        }
        return read(r.asString());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- pools of ids

    public void add(String pool, String parent, String id) {
        if (id == null || id.isBlank()) {
            return;
        }
        List<Entry> entries =
                pools.computeIfAbsent(pool, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        synchronized (entries) {
            if (entries.size() >= POOL_LIMIT) {
                entries.remove(POOL_LIMIT / 2 + (int) (Math.abs((long) id.hashCode()) % (POOL_LIMIT / 2)));
            }
            entries.add(new Entry(parent, id));
        }
    }

    /** A record of the pool, preferably a child of {@code parent} when one is given; null when the pool is empty. */
    public Entry pick(Random random, String pool, String parent) {
        List<Entry> entries = pools.get(pool);
        if (entries == null) {
            return null;
        }
        synchronized (entries) {
            if (entries.isEmpty()) {
                return null;
            }
            if (parent != null) {
                List<Entry> children =
                        entries.stream().filter(e -> parent.equals(e.parent())).toList();
                if (!children.isEmpty()) {
                    return children.get(random.nextInt(children.size()));
                }
            }
            return entries.get(random.nextInt(entries.size()));
        }
    }

    public boolean has(String pool) {
        List<Entry> entries = pools.get(pool);
        return entries != null && !entries.isEmpty();
    }

    // --- what answers reveal

    public void etag(String path, String etag) {
        etags.put(path, etag);
    }

    public String etag(String path) {
        return etags.get(path);
    }

    public void cursor(String operation, String cursor) {
        List<String> list =
                cursors.computeIfAbsent(operation, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
        synchronized (list) {
            if (list.size() >= 20) {
                list.remove(0);
            }
            list.add(cursor);
        }
    }

    public String cursor(Random random, String operation) {
        List<String> list = cursors.get(operation);
        if (list == null) {
            return null;
        }
        synchronized (list) {
            return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
        }
    }

    public int pooled() {
        return pools.values().stream().mapToInt(List::size).sum();
    }
}
