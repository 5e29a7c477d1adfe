package id.terpadu.webhook;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Webhooks end to end against receivers on local ports (the test profile allows private targets and polls every
 * second with a 1 s backoff base and a 2 s request timeout).
 */
@QuarkusTest
@Tag("external-db")
public class WebhookResourceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void removeSubscriptions() {
        // later tests' changes must not be queued for receivers that are gone
        Db.execute("delete from webhook_subscription");
    }

    public static Map<String, Object> subscription(String url, List<String> types, String region, String max) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        if (region != null) {
            body.put("regionCode", region);
        }
        if (max != null) {
            body.put("maxClassification", max);
        }
        return body;
    }

    static JsonPath subscribe(RequestSpecification as, Map<String, Object> body) {
        return as.body(body)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("ACTIVE"))
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what + "; queue: "
                        + Db.single(
                                "select coalesce(string_agg(d::text || ' ' || s.status, E'\\n'), '') from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id")
                        + " now " + Db.single("select now()::text") + " attempts "
                        + Db.single("select string_agg(a::text, E'\\n') from webhook_attempt a"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static JsonPath deliveries(RequestSpecification as, String subscription) {
        return as.get("/api/v1/webhooks/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String sign(String secret, String id, String timestamp, String body) {
        return Signatures.sign(secret, id, Long.parseLong(timestamp), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingReceiverGetsEveryEventOnceSignedWithBackoffInTheLog() throws Exception {
        TestData.ensureRegions();
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 500 : 200)) {
            JsonPath created =
                    subscribe(coordinator("19"), subscription(receiver.url(), List.of("agency"), null, null));
            String sub = created.getString("id");
            String secret = created.getString("secret");
            assertThat(created.getString("regionCode")).isEqualTo("19");
            Set<String> agencies = new HashSet<>();
            agencies.add(TestData.createAgency(
                            coordinator("19"), TestData.agency(TestData.unique("Polres Bangka"), "POLRI", "19.01"))
                    .toString());
            agencies.add(TestData.createAgency(
                            coordinator("19"), TestData.agency(TestData.unique("Kodim Bangka"), "TNI", "19.01"))
                    .toString());
            // outside the subscription's region: never sent
            TestData.createAgency(admin(), TestData.agency(TestData.unique("Polres Padang"), "POLRI", "13.71"));

            await(
                    "two deliveries",
                    Duration.ofSeconds(30),
                    () -> deliveries(coordinator("19"), sub).getList("items.status").stream()
                                    .filter("DELIVERED"::equals)
                                    .count()
                            == 2);
            Thread.sleep(1500); // nothing more arrives
            Set<String> ids = new HashSet<>();
            receiver.received.forEach(r -> ids.add(r.id()));
            assertThat(ids).hasSize(2);
            Set<String> entities = new HashSet<>();
            for (String id : ids) {
                List<Receiver.Received> attempts = receiver.of(id);
                assertThat(attempts).extracting(Receiver.Received::answered).containsExactly(500, 500, 200);
                for (Receiver.Received r : attempts) {
                    assertThat(r.signature()).isEqualTo(sign(secret, id, r.timestamp(), r.body()));
                    assertThat(Long.parseLong(r.timestamp()))
                            .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
                    assertThat(r.contentType()).startsWith("application/json");
                    assertThat(r.body()).isEqualTo(attempts.get(0).body());
                }
                JsonNode event = JSON.readTree(attempts.get(0).body());
                assertThat(event.get("entityType").asText()).isEqualTo("agency");
                assertThat(event.get("operation").asText()).isEqualTo("CREATE");
                assertThat(event.get("version").asLong()).isZero();
                assertThat(event.get("snapshot").get("id").asText())
                        .isEqualTo(event.get("entityId").asText());
                assertThat(event.get("snapshot").get("regionCode").asText()).isEqualTo("19.01");
                assertThat(event.get("position").asLong()).isPositive();
                assertThat(event.get("occurredAt").asText()).endsWith("Z");
                entities.add(event.get("entityId").asText());
            }
            assertThat(entities).isEqualTo(agencies);

            JsonPath log = deliveries(coordinator("19"), sub);
            assertThat(log.getList("items.id")).containsExactlyInAnyOrderElementsOf(ids);
            for (int i = 0; i < 2; i++) {
                String item = "items[" + i + "].";
                assertThat(log.getInt(item + "attempts")).isEqualTo(3);
                assertThat(log.getString(item + "nextAttemptAt")).isNull();
                assertThat(log.getString(item + "finishedAt")).isNotNull();
                assertThat(log.getList(item + "attemptLog.statusCode")).containsExactly(500, 500, 200);
                assertThat(log.getList(item + "attemptLog.error")).containsExactly("HTTP 500", "HTTP 500", null);
                // an attempt ends at attemptedAt + latency; the retry it schedules waits, with base 1 s, 0.5–1 s after
                // the first and 1–2 s after the second (equal jitter), plus the moment it takes to record it
                Instant firstEnd = Instant.parse(log.getString(item + "attemptLog[0].attemptedAt"))
                        .plusMillis(log.getLong(item + "attemptLog[0].latencyMs"));
                Instant firstRetry = Instant.parse(log.getString(item + "attemptLog[0].retryAt"));
                Instant second = Instant.parse(log.getString(item + "attemptLog[1].attemptedAt"));
                Instant secondEnd = second.plusMillis(log.getLong(item + "attemptLog[1].latencyMs"));
                Instant secondRetry = Instant.parse(log.getString(item + "attemptLog[1].retryAt"));
                Instant third = Instant.parse(log.getString(item + "attemptLog[2].attemptedAt"));
                assertThat(Duration.between(firstEnd, firstRetry))
                        .isBetween(Duration.ofMillis(450), Duration.ofMillis(1500));
                assertThat(Duration.between(secondEnd, secondRetry))
                        .isBetween(Duration.ofMillis(950), Duration.ofMillis(2500));
                assertThat(second).isAfterOrEqualTo(firstRetry.minusMillis(100));
                assertThat(third).isAfterOrEqualTo(secondRetry.minusMillis(100));
                assertThat(log.getString(item + "attemptLog[2].retryAt")).isNull();
                assertThat(log.getInt(item + "attemptLog[0].latencyMs")).isNotNegative();
            }
            coordinator("19")
                    .get("/api/v1/webhooks/" + sub + "/deliveries?status=FAILED")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
        }
    }

    /**
     * One record's changes reach a receiver in the order they were made, even when an attempt fails and is retried:
     * a change waits while an earlier change of the same record is pending for the same subscription. (With up to 8
     * attempts in flight per subscription, a receiver saw v0, v2, v3, v1, and once a DELETE before its CREATE.)
     */
    @Test
    void oneRecordsChangesArriveInOrderThroughRetries() throws Exception {
        TestData.ensureRegions();
        try (Receiver receiver = new Receiver(n -> n == 1 ? 500 : 200)) { // every change's first attempt fails
            String sub = subscribe(admin(), subscription(receiver.url(), List.of("agency"), "19", null))
                    .getString("id");
            Map<String, Object> body = TestData.agency(TestData.unique("Polres Belitung"), "POLRI", "19.01");
            String id = TestData.createAgency(admin(), body).toString();
            for (int version = 0; version < 3; version++) {
                body.put("name", TestData.unique("Polres Belitung"));
                admin().header("If-Match", "\"" + version + "\"")
                        .body(body)
                        .put("/api/v1/agencies/{id}", id)
                        .then()
                        .statusCode(200);
            }
            admin().header("If-Match", "\"3\"")
                    .delete("/api/v1/agencies/{id}", id)
                    .then()
                    .statusCode(204);
            await(
                    "five changes delivered",
                    Duration.ofSeconds(60),
                    () -> Db.count("select count(*) from webhook_delivery " + "where subscription_id = '" + sub
                                    + "' and status = 'DELIVERED'")
                            == 5);
            List<String> arrived = new ArrayList<>();
            for (Receiver.Received r : receiver.received) {
                JsonNode event = JSON.readTree(r.body());
                arrived.add(event.get("operation").asText() + " v"
                        + event.get("version").asLong() + " " + r.answered());
            }
            assertThat(arrived)
                    .containsExactly(
                            "CREATE v0 500",
                            "CREATE v0 200",
                            "UPDATE v1 500",
                            "UPDATE v1 200",
                            "UPDATE v2 500",
                            "UPDATE v2 200",
                            "UPDATE v3 500",
                            "UPDATE v3 200",
                            "DELETE v4 500",
                            "DELETE v4 200");
        }
    }

    @Test
    void aReceiverThatNeverAnswersHoldsUpNoOtherSubscription() throws Exception {
        TestData.ensureRegions();
        try (Receiver hanging = new Receiver(n -> 200);
                Receiver quick = new Receiver(n -> 204)) {
            hanging.hangMillis = 6000; // past the 2 s request timeout of the test profile
            String slow = subscribe(admin(), subscription(hanging.url(), List.of("agency"), "19", null))
                    .getString("id");
            String fast = subscribe(admin(), subscription(quick.url(), List.of("agency"), "19", null))
                    .getString("id");
            TestData.createAgency(
                    coordinator("19"), TestData.agency(TestData.unique("Polsek Sungailiat"), "POLRI", "19.01"));
            await("the quick receiver", Duration.ofSeconds(10), () -> !quick.received.isEmpty());
            await(
                    "the timed-out attempt",
                    Duration.ofSeconds(10),
                    () -> deliveries(admin(), slow).getInt("items[0].attempts") >= 1);
            JsonPath log = deliveries(admin(), slow);
            assertThat(log.getString("items[0].status")).isEqualTo("PENDING");
            assertThat(log.getString("items[0].attemptLog[0].error")).startsWith("timeout");
            assertThat(log.getString("items[0].attemptLog[0].statusCode")).isNull();
            assertThat(log.getLong("items[0].attemptLog[0].latencyMs")).isBetween(1900L, 4000L);
            // the quick receiver had its event while the slow one was still waiting for an answer
            Instant slowStarted = Instant.parse(log.getString("items[0].attemptLog[0].attemptedAt"));
            assertThat(quick.received.get(0).at())
                    .isBefore(slowStarted.plusMillis(log.getLong("items[0].attemptLog[0].latencyMs")));
            assertThat(deliveries(admin(), fast).getString("items[0].status")).isEqualTo("DELIVERED");
        }
    }

    @Test
    void aSlowReceiverHoldsNoMoreThanItsShareOfTheAttemptsInFlight() throws Exception {
        TestData.ensureRegions();
        int share =
                ConfigProvider.getConfig().getValue("terpadu.webhooks.max-in-flight-per-subscription", Integer.class);
        int events = 3 * share;
        try (Receiver slow = new Receiver(n -> 204);
                Receiver quick = new Receiver(n -> 204)) {
            slow.hangMillis =
                    1000; // within the 2 s request timeout of the test profile: every attempt succeeds, slowly
            String slowId = subscribe(admin(), subscription(slow.url(), List.of("agency"), "19", null))
                    .getString("id");
            subscribe(admin(), subscription(quick.url(), List.of("agency"), "19", null));
            for (int i = 0; i < events; i++) {
                TestData.createAgency(
                        coordinator("19"), TestData.agency(TestData.unique("Polsek Sungailiat"), "POLRI", "19.01"));
            }
            await("every event at the quick receiver", Duration.ofSeconds(20), () -> quick.received.size() >= events);
            await("every event at the slow receiver", Duration.ofSeconds(40), () -> slow.received.size() >= events);
            assertThat(slow.mostOpen.get())
                    .as("attempts in flight at once at the slow receiver")
                    .isBetween(2, share);
            // the receiver counts a request before it answers; the outcome is recorded once the answer is back
            await(
                    "every delivery recorded",
                    Duration.ofSeconds(10),
                    () -> Db.count("select count(*) from webhook_delivery " + "where subscription_id = '" + slowId
                                    + "' and status = 'DELIVERED'")
                            == events);
        }
    }

    @Test
    void changesAreQueuedForMatchingRegionAndClassificationInTheSameTransaction() throws Exception {
        TestData.ensureRegions();
        try (Receiver receiver = new Receiver(n -> 200)) {
            String national = subscribe(
                            admin(), subscription(receiver.url(), List.of("agency", "early-warning"), null, null))
                    .getString("id");
            String babel = subscribe(
                            coordinator("19"),
                            subscription(receiver.url(), List.of("agency", "early-warning"), null, "RESTRICTED"))
                    .getString("id");
            String babelPublic = subscribe(
                            coordinator("19"),
                            subscription(receiver.url(), List.of("early-warning"), "19.71", "PUBLIC"))
                    .getString("id");

            UUID nationalAgency = TestData.createAgency(
                    admin(), TestData.agency(TestData.unique("Badan Intelijen Negara"), "BIN", null));
            UUID bangka = TestData.createAgency(
                    admin(), TestData.agency(TestData.unique("Polres Bangka Barat"), "POLRI", "19.01"));
            UUID padang = TestData.createAgency(
                    admin(), TestData.agency(TestData.unique("Polresta Padang"), "POLRI", "13.71"));
            Map<String, Object> restricted = EarlyWarningResourceTest.warning("19.71", 3, 3);
            String restrictedWarning = coordinator("19")
                    .body(restricted)
                    .post("/api/v1/early-warnings")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Map<String, Object> open = EarlyWarningResourceTest.warning("19.71", 2, 2);
            open.put("classification", "PUBLIC");
            String publicWarning = coordinator("19")
                    .body(open)
                    .post("/api/v1/early-warnings")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            assertThat(queued(national))
                    .containsExactlyInAnyOrder(
                            nationalAgency.toString(), bangka.toString(), padang.toString(), publicWarning);
            assertThat(queued(babel)).containsExactlyInAnyOrder(bangka.toString(), restrictedWarning, publicWarning);
            assertThat(queued(babelPublic)).containsExactly(publicWarning);

            // a delete takes the classification of the record's last version: a RESTRICTED incident's tombstone
            // never reaches a PUBLIC subscription, a PUBLIC one's does
            String incidents = subscribe(
                            coordinator("19"), subscription(receiver.url(), List.of("incident"), "19.71", "PUBLIC"))
                    .getString("id");
            String hidden = coordinator("19")
                    .body(id.terpadu.incident.IncidentResourceTest.incident("Rahasia", "19.71"))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Map<String, Object> shown =
                    new java.util.HashMap<>(id.terpadu.incident.IncidentResourceTest.incident("Terbuka", "19.71"));
            shown.put("classification", "PUBLIC");
            String visible = coordinator("19")
                    .body(shown)
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            coordinator("19")
                    .header("If-Match", "\"0\"")
                    .delete("/api/v1/incidents/{id}", hidden)
                    .then()
                    .statusCode(204);
            coordinator("19")
                    .header("If-Match", "\"0\"")
                    .delete("/api/v1/incidents/{id}", visible)
                    .then()
                    .statusCode(204);
            assertThat(queued(incidents)).containsExactly(visible, visible);

            // a refused write queues nothing
            await(
                    "the deliveries sent",
                    Duration.ofSeconds(15),
                    () -> Db.count("select count(*) from webhook_delivery where status <> 'DELIVERED'") == 0);
            var before = Db.snapshot();
            coordinator("19")
                    .body(TestData.agency("Polda Sumatera Barat", "POLRI", "13"))
                    .post("/api/v1/agencies")
                    .then()
                    .statusCode(403);
            Db.assertUnchanged(before);
        }
    }

    /**
     * A change that takes a record out of a subscription's view (classified above its maximum, moved to another
     * region) reaches the subscriptions that saw it as a tombstone, as the feed's OUT_OF_VIEW: a copy kept from
     * webhooks drops it instead of keeping the old version forever, and learns nothing of the record as it is now.
     * A record that comes back into view arrives whole again.
     */
    @Test
    void aRecordLeavingASubscriptionsViewArrivesAsATombstone() throws Exception {
        TestData.ensureRegions();
        try (Receiver receiver = new Receiver(n -> 200)) {
            String restricted = subscribe(
                            coordinator("19"), subscription(receiver.url(), List.of("incident"), "19.71", "RESTRICTED"))
                    .getString("id");
            String open = subscribe(
                            coordinator("19"), subscription(receiver.url(), List.of("incident"), "19.71", "PUBLIC"))
                    .getString("id");
            Map<String, Object> incident = new java.util.HashMap<>(
                    id.terpadu.incident.IncidentResourceTest.incident("Sengketa lahan tambang", "19.71"));
            incident.put("classification", "PUBLIC");
            String id = IncidentResourceTest.create(coordinator("19"), incident);
            patch(id, 0, Map.of("classification", "RESTRICTED"));
            patch(id, 1, Map.of("regionCode", "13.77"));
            patch(id, 2, Map.of("regionCode", "19.71"));

            assertThat(events(restricted)).containsExactly("0 CREATE", "1 UPDATE", "2 DELETE", "3 UPDATE");
            assertThat(events(open)).containsExactly("0 CREATE", "1 DELETE");
            await(
                    "the deliveries sent",
                    Duration.ofSeconds(30),
                    () -> Db.count(
                                    "select count(*) from webhook_delivery where status <> 'DELIVERED' "
                                            + "and subscription_id in (?::uuid, ?::uuid)",
                                    restricted,
                                    open)
                            == 0);
            List<JsonPath> tombstones = receiver.received.stream()
                    .map(r -> JsonPath.from(r.body()))
                    .filter(b -> id.equals(b.getString("entityId")) && "DELETE".equals(b.getString("operation")))
                    .toList();
            assertThat(tombstones).hasSize(2);
            for (JsonPath tombstone : tombstones) {
                assertThat(tombstone.getString("tombstone")).isEqualTo("OUT_OF_VIEW");
                assertThat(tombstone.getMap("snapshot")).isEqualTo(Map.of("id", id, "deleted", true));
            }
            // the record as it is now (its new region, its title) travels in no tombstone
            assertThat(receiver.received.stream()
                            .map(Receiver.Received::body)
                            .filter(b -> b.contains("\"DELETE\""))
                            .filter(b -> b.contains("13.77") || b.contains("Sengketa lahan tambang")))
                    .isEmpty();
            // a real delete is still a DELETED tombstone, to the one subscription that sees the record
            coordinator("19")
                    .header("If-Match", "\"3\"")
                    .delete("/api/v1/incidents/{id}", id)
                    .then()
                    .statusCode(204);
            assertThat(events(restricted)).endsWith("4 DELETE");
            assertThat(events(open)).containsExactly("0 CREATE", "1 DELETE");
            // created anew under the deleted one's id, outside both subscriptions' view: never seen, so no tombstone
            incident.put("id", id);
            incident.put("regionCode", "13.77");
            IncidentResourceTest.create(admin(), incident);
            assertThat(events(restricted)).endsWith("4 DELETE");
            assertThat(events(open)).containsExactly("0 CREATE", "1 DELETE");
            await(
                    "the delete sent",
                    Duration.ofSeconds(30),
                    () -> receiver.received.stream()
                            .map(r -> JsonPath.from(r.body()))
                            .anyMatch(b ->
                                    id.equals(b.getString("entityId")) && "DELETED".equals(b.getString("tombstone"))));
        }
    }

    private static void patch(String id, long version, Map<String, Object> fields) {
        admin().contentType("application/merge-patch+json")
                .header("If-Match", "\"" + version + "\"")
                .body(fields)
                .patch("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200);
    }

    /** The deliveries queued for a subscription, in order: version and operation. */
    static List<String> events(String subscription) {
        String events = Db.single(
                "select coalesce(string_agg(entity_version || ' ' || operation, ',' order by change_position), '') "
                        + "from webhook_delivery where subscription_id = ?::uuid",
                subscription);
        return events.isEmpty() ? List.of() : List.of(events.split(","));
    }

    @Test
    void aPublicSubscriptionReceivesTheTasksOfPublicRecordsOnly() throws Exception {
        TestData.ensureRegions();
        try (Receiver receiver = new Receiver(n -> 200)) {
            String tasks = subscribe(
                            coordinator("19"),
                            subscription(receiver.url(), List.of("incident-task"), "19.71", "PUBLIC"))
                    .getString("id");
            UUID polres = TestData.createAgency(
                    admin(), TestData.agency(TestData.unique("Polresta Pangkalpinang"), "POLRI", "19.71"));
            Map<String, Object> task = Map.of(
                    "agencyId", polres.toString(), "description", "Patroli dialogis", "dueAt", "2030-01-01T00:00:00Z");
            List<String> shown = new java.util.ArrayList<>();
            List<String> hidden = new java.util.ArrayList<>();
            for (String classification : List.of("PUBLIC", "RESTRICTED")) {
                Map<String, Object> warning = EarlyWarningResourceTest.warning("19.71", 2, 2);
                warning.put("classification", classification);
                String warningId = coordinator("19")
                        .body(warning)
                        .post("/api/v1/early-warnings")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                Map<String, Object> incident =
                        new java.util.HashMap<>(id.terpadu.incident.IncidentResourceTest.incident("Tugas", "19.71"));
                incident.put("classification", classification);
                String incidentId = coordinator("19")
                        .body(incident)
                        .post("/api/v1/incidents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                for (String path : List.of(
                        "/api/v1/early-warnings/" + warningId + "/tasks",
                        "/api/v1/incidents/" + incidentId + "/tasks")) {
                    String id = coordinator("19")
                            .body(task)
                            .post(path)
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    (classification.equals("PUBLIC") ? shown : hidden).add(id);
                }
            }
            assertThat(queued(tasks)).containsExactlyInAnyOrderElementsOf(shown).doesNotContainAnyElementsOf(hidden);
        }
    }

    static List<String> queued(String subscription) {
        String ids = Db.single(
                "select coalesce(string_agg(entity_id::text, ','), '') from webhook_delivery where subscription_id = ?::uuid",
                subscription);
        return ids.isEmpty() ? List.of() : List.of(ids.split(","));
    }

    @Test
    void theSecretIsShownOnceAndStoredNowhereElse() {
        TestData.ensureRegions();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body =
                subscription("http://127.0.0.1:9/hook", List.of("incident", "conflict-status"), "19.71", null);
        JsonPath created = coordinator("19")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSizeBetween(24, 32);

        coordinator("19")
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .body("eventTypes", org.hamcrest.Matchers.contains("incident", "conflict-status"));
        coordinator("19")
                .get("/api/v1/webhooks/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .body("url", equalTo("http://127.0.0.1:9/hook"));
        coordinator("19")
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.secret", org.hamcrest.Matchers.everyItem(nullValue()));

        assertThat(Db.count(
                        "select count(*) from change_log where entity_type = 'webhook-subscription' and entity_id = ?::uuid",
                        id))
                .isEqualTo(1);
        assertThat(Db.count(
                        "select count(*) from change_log where strpos(snapshot::text, ?) > 0 or strpos(snapshot::text, 'whsec_') > 0",
                        secret.substring(6)))
                .isZero();
        assertThat(Db.count("select count(*) from idempotency_key where key = ? and body is not null", key))
                .isEqualTo(1);
        assertThat(Db.count(
                        "select count(*) from idempotency_key where strpos(convert_from(body, 'UTF8'), ?) > 0 "
                                + "or strpos(convert_from(body, 'UTF8'), 'whsec_') > 0",
                        secret.substring(6)))
                .isZero();

        // deleted with If-Match, leaving a tombstone
        coordinator("19").delete("/api/v1/webhooks/" + id).then().statusCode(428);
        coordinator("19")
                .header("If-Match", "\"7\"")
                .delete("/api/v1/webhooks/" + id)
                .then()
                .statusCode(412);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/webhooks/" + id)
                .then()
                .statusCode(204);
        coordinator("19").get("/api/v1/webhooks/" + id).then().statusCode(404);
        assertThat(Db.count("select count(*) from change_log where entity_id = ?::uuid and operation = 'DELETE'", id))
                .isEqualTo(1);
    }

    @Test
    void coordinatorsStayInTheirRegions() {
        TestData.ensureRegions();
        var before = Db.snapshot();
        coordinator("19")
                .body(subscription("http://127.0.0.1:9/hook", List.of("incident"), "13", null))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        // above what a coordinator without an intelligence agency may read
        coordinator("19")
                .body(subscription("http://127.0.0.1:9/hook", List.of("incident"), null, "CONFIDENTIAL"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403)
                .body("detail", containsString("maxClassification"));
        Tokens.analyst("19")
                .body(subscription("http://127.0.0.1:9/hook", List.of("incident"), null, null))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(403);
        // a caller with several regions names one
        Tokens.as("coordinator.two", List.of("COORDINATOR"), List.of("13", "19"))
                .body(subscription("http://127.0.0.1:9/hook", List.of("incident"), null, null))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        Db.assertUnchanged(before);

        String sumbar = subscribe(
                        coordinator("13"), subscription("http://127.0.0.1:9/hook", List.of("incident"), null, null))
                .getString("id");
        String pusat = subscribe(admin(), subscription("http://127.0.0.1:9/hook", List.of("incident"), null, null))
                .getString("id");
        for (String other : List.of(sumbar, pusat)) {
            coordinator("19")
                    .get("/api/v1/webhooks/" + other)
                    .then()
                    .statusCode(404)
                    .contentType(startsWith("application/problem+json"));
            coordinator("19")
                    .get("/api/v1/webhooks/" + other + "/deliveries")
                    .then()
                    .statusCode(404);
            coordinator("19")
                    .header("If-Match", "\"0\"")
                    .delete("/api/v1/webhooks/" + other)
                    .then()
                    .statusCode(404);
            coordinator("19")
                    .body("{}")
                    .post("/api/v1/webhooks/" + other + "/enable")
                    .then()
                    .statusCode(404);
            coordinator("19")
                    .body("{}")
                    .post("/api/v1/webhooks/" + other + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                    .then()
                    .statusCode(404);
        }
        coordinator("19")
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(sumbar)))
                .body("items.id", not(hasItem(pusat)));
        coordinator("13")
                .get("/api/v1/webhooks")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(sumbar))
                .body("items.id", not(hasItem(pusat)));
        admin().get("/api/v1/webhooks?status=ACTIVE")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(sumbar))
                .body("items.id", hasItem(pusat));
        coordinator("13")
                .get("/api/v1/webhooks/" + sumbar)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("13"));
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        TestData.ensureRegions();
        var before = Db.snapshot();
        String url = "http://127.0.0.1:9/hook";
        record Case(Object body, String field) {}
        Map<String, Object> unknownField = subscription(url, List.of("incident"), null, null);
        unknownField.put("secret", "whsec_mine");
        for (Case c : List.of(
                new Case(Map.of("url", url), "eventTypes"),
                new Case(Map.of("eventTypes", List.of("incident")), "url"),
                new Case(subscription(url, List.of(), null, null), "eventTypes"),
                new Case(subscription(url, List.of("incidents"), null, null), "eventTypes"),
                new Case(subscription(url, List.of("webhook-subscription"), null, null), "eventTypes"),
                new Case(subscription("ftp://127.0.0.1/hook", List.of("incident"), null, null), "url"),
                new Case(subscription("http://user:pw@127.0.0.1:9/hook", List.of("incident"), null, null), "url"),
                new Case(subscription("not a url", List.of("incident"), null, null), "url"),
                new Case(subscription("https://no-such-host.invalid/hook", List.of("incident"), null, null), "url"),
                new Case(subscription(url, List.of("incident"), "19.7", null), "regionCode"),
                new Case(subscription(url, List.of("incident"), "19.99", null), "regionCode"),
                new Case(subscription(url, List.of("incident"), null, "SECRET"), null),
                new Case(unknownField, null))) {
            var response = coordinator("19")
                    .body(c.body())
                    .post("/api/v1/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", startsWith("urn:terpadu:problem:"));
            if (c.field() != null) {
                response.body("errors.field", hasItem(c.field()));
            }
        }
        coordinator("19")
                .body(subscription(url, List.of("incidents"), null, null))
                .post("/api/v1/webhooks")
                .then()
                .body("allowed", hasItem("early-warning"));
        coordinator("19")
                .contentType("application/json")
                .body("{\"url\": ")
                .post("/api/v1/webhooks")
                .then()
                .statusCode(400);
        coordinator("19")
                .get("/api/v1/webhooks?status=BROKEN")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        coordinator("19").get("/api/v1/webhooks?limit=0").then().statusCode(400);
        Db.assertUnchanged(before);
    }

    @Test
    void aDeliveryFailingForTheWholeWindowDisablesTheSubscriptionUntilEnabled() throws Exception {
        TestData.ensureRegions();
        try (Receiver receiver = new Receiver(n -> 503)) {
            String sub = subscribe(coordinator("19"), subscription(receiver.url(), List.of("agency"), null, null))
                    .getString("id");
            String agency = TestData.createAgency(
                            coordinator("19"), TestData.agency(TestData.unique("Satpol PP Belitung"), "OPD", "19.04"))
                    .toString();
            await(
                    "a first failed attempt",
                    Duration.ofSeconds(10),
                    () -> deliveries(coordinator("19"), sub).getInt("items[0].attempts") >= 1);
            // as if the receiver had been failing for a day
            Db.execute("update webhook_delivery set retry_from = now() - interval '25 hours' where subscription_id = '"
                    + sub + "'");
            await(
                    "the subscription disabled",
                    Duration.ofSeconds(10),
                    () -> "DISABLED"
                            .equals(coordinator("19")
                                    .get("/api/v1/webhooks/" + sub)
                                    .then()
                                    .extract()
                                    .path("status")));
            JsonPath log = deliveries(coordinator("19"), sub);
            String delivery = log.getString("items[0].id");
            assertThat(log.getString("items[0].status")).isEqualTo("FAILED");
            assertThat(log.getString("items[0].lastError")).isEqualTo("HTTP 503");
            assertThat(log.getString("items[0].attemptLog[-1].retryAt")).isNull();
            coordinator("19")
                    .get("/api/v1/webhooks/" + sub)
                    .then()
                    .body("statusReason", containsString(delivery))
                    .body("statusReason", containsString("HTTP 503"))
                    .body("version", equalTo(1));
            assertThat(Db.count(
                            "select count(*) from change_log where entity_id = ?::uuid and actor = 'system:webhook-delivery'",
                            sub))
                    .isEqualTo(1);
            int attempts = receiver.received.size();

            // nothing is queued or sent while disabled; a redelivery must wait for the enable
            TestData.createAgency(
                    coordinator("19"), TestData.agency(TestData.unique("Satpol PP Bangka"), "OPD", "19.01"));
            assertThat(queued(sub)).containsExactly(agency);
            coordinator("19")
                    .body("{}")
                    .post("/api/v1/webhooks/" + sub + "/deliveries/" + delivery + "/redeliver")
                    .then()
                    .statusCode(409);
            Thread.sleep(1500);
            assertThat(receiver.received).hasSize(attempts);

            receiver.answer = n -> 200;
            coordinator("19")
                    .body(Map.of("reason", "Penerima sudah diperbaiki"))
                    .post("/api/v1/webhooks/" + sub + "/enable")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("statusReason", equalTo("Penerima sudah diperbaiki"))
                    .header("ETag", "\"2\"");
            coordinator("19")
                    .post("/api/v1/webhooks/" + sub + "/enable")
                    .then()
                    .statusCode(409); // the body is optional
            coordinator("19")
                    .body("{}")
                    .post("/api/v1/webhooks/" + sub + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                    .then()
                    .statusCode(404);
            coordinator("19")
                    .body("{}")
                    .post("/api/v1/webhooks/" + sub + "/deliveries/" + delivery + "/redeliver")
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("PENDING"))
                    .body("id", equalTo(delivery));
            await(
                    "the redelivery",
                    Duration.ofSeconds(10),
                    () -> "DELIVERED".equals(deliveries(coordinator("19"), sub).getString("items[0].status")));
            assertThat(receiver.of(delivery)
                            .get(receiver.of(delivery).size() - 1)
                            .answered())
                    .isEqualTo(200);
        }
    }
}
