package id.terpadu.apikey;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.error.Message;
import id.terpadu.common.security.ApiKeyAuthentication;
import id.terpadu.earlywarning.EarlyWarningResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/** API keys: shown once, stored as a hash, scoped like people, revoked at once. */
@QuarkusTest
@Tag("external-db")
public class ApiKeyResourceTest {

    public static Map<String, Object> key(
            UUID agency, List<String> regions, List<String> scopes, String classification) {
        Map<String, Object> body = new HashMap<>();
        body.put("agencyId", agency.toString());
        body.put("name", "Dasbor uji");
        body.put("regionScope", regions);
        body.put("scopes", scopes);
        body.put("classification", classification);
        body.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return body;
    }

    /**
     * The document offers an API key (security scheme {@code apiKey}) on exactly the reads a key may make: a key with
     * every read scope is never refused (401, 403) on a read that lists it, and always refused (403) on one that
     * lists only a bearer token. Swagger UI's Authorize and generated clients go by this.
     */
    @Test
    void theDocumentOffersAKeyOnExactlyTheReadsAKeyMayMake() throws Exception {
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
        String key = coordinator("13")
                .body(key(agency, List.of("13"), List.of("read", "feed:read", "export:read"), "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        com.fasterxml.jackson.databind.JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper(
                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(java.nio.file.Path.of("openapi.yaml").toFile())
                .path("paths");
        List<String> wrong = new java.util.ArrayList<>();
        int offered = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var entry = path.next();
            com.fasterxml.jackson.databind.JsonNode get = entry.getValue().path("get");
            if (get.isMissingNode()
                    || !get.has("security")
                    || get.path("security").isEmpty()) {
                continue;
            }
            boolean listed = get.path("security").findValue("apiKey") != null;
            offered += listed ? 1 : 0;
            String url =
                    entry.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int status = withKey(key).accept("*/*").get(url).then().extract().statusCode();
            if (listed == (status == 401 || status == 403)) {
                wrong.add("GET " + entry.getKey() + (listed ? " lists apiKey" : " does not list apiKey") + " -> "
                        + status);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(offered).isGreaterThan(50);
    }

    public static RequestSpecification withKey(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON);
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndSeesWhatItsScopeAllows() {
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
        String pariaman = coordinator("13")
                .body(IncidentResourceTest.incident("Bentrokan di Pariaman", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String padang = coordinator("13")
                .body(IncidentResourceTest.incident("Bentrokan di Padang", "13.71"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var created = coordinator("13")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(key(agency, List.of("13.77"), List.of("read", "feed:read"), "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .body("key", startsWith("tpd_"))
                .body("apiKey.active", equalTo(true))
                .extract();
        String value = created.path("key");
        String id = created.path("apiKey.id");
        // only the hash rests in the database: not in the key table, the change log, nor the idempotency store
        assertThat(Db.count("select count(*) from api_key where key_hash = ?", ApiKeyAuthentication.hash(value)))
                .isEqualTo(1);
        for (String table : List.of("api_key", "change_log", "idempotency_key")) {
            assertThat(Db.count(
                            "select count(*) from " + table + " t where t::text like ?",
                            "%" + value.substring(12) + "%"))
                    .as(table)
                    .isZero();
        }

        withKey(value)
                .get("/api/v1/incidents?region=13")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(pariaman))
                .body("items.id", not(hasItem(padang)))
                .body("items.regionCode", everyItem(startsWith("13.77")));
        given().header("Authorization", "ApiKey " + value)
                .get("/api/v1/incidents/{id}", padang)
                .then()
                .statusCode(404);
        withKey(value).get("/api/v1/feed/changes/latest").then().statusCode(200);
        assertThat(Db.single("select coalesce(cast(last_used_at as text), '') from api_key where id = ?::uuid", id))
                .isNotEmpty();
        // what the scopes and the role do not allow, each refusal naming the scope it lacks or that keys may not
        withKey(value)
                .get("/api/v1/api-keys")
                .then()
                .statusCode(403)
                .body("detail", equalTo(Message.of("api-key.operation-refused").in("id")));
        withKey(value)
                .body(IncidentResourceTest.incident("x", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(403)
                .body(
                        "detail",
                        equalTo(Message.of("api-key.scope-missing", "scope", "incidents:write")
                                .in("id")));
        withKey(value)
                .body(TestData.agency("x", "OPD", "13.77"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .body("detail", equalTo(Message.of("api-key.operation-refused").in("id")));

        // a field app's key reports incidents, and nothing else
        String writer = coordinator("13")
                .body(key(agency, List.of("13.77"), List.of("read", "incidents:write"), "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        String reported = withKey(writer)
                .body(IncidentResourceTest.incident("Laporan aplikasi lapangan", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(Db.single("select actor || ' ' || client_id from change_log where entity_id = ?::uuid", reported))
                .startsWith("api-key:" + writer.substring(0, 12) + " api-key:");
        withKey(writer)
                .body(IncidentResourceTest.incident("Di luar wilayah kunci", "13.71"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(403);
        withKey(writer)
                .body(EarlyWarningResourceTest.warning("13.77", 2, 2))
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(403)
                .body("detail", equalTo(Message.of("api-key.operation-refused").in("id")));

        // revocation takes effect at once; expired and unknown keys are 401 problems
        coordinator("13")
                .body(Map.of("reason", "Skrip diganti"))
                .post("/api/v1/api-keys/{id}/revocation", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("revokedBy", equalTo("coordinator.13"));
        withKey(value)
                .get("/api/v1/incidents")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        coordinator("13")
                .body(Map.of())
                .post("/api/v1/api-keys/{id}/revocation", id)
                .then()
                .statusCode(409);
        String expiring = coordinator("13")
                .body(key(agency, List.of("13.77"), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        withKey(expiring).get("/api/v1/incidents").then().statusCode(200);
        Db.execute("update api_key set expires_at = now() - interval '1 second' where key_hash = '"
                + ApiKeyAuthentication.hash(expiring) + "'");
        withKey(expiring).get("/api/v1/incidents").then().statusCode(401);
        withKey("tpd_" + "A".repeat(43))
                .get("/api/v1/incidents")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
        // a key without feed:read, and a PUBLIC key that cannot see RESTRICTED incidents
        String readOnly = coordinator("13")
                .body(key(agency, List.of("13"), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        withKey(readOnly)
                .get("/api/v1/feed/changes")
                .then()
                .statusCode(403)
                .body("detail", containsString("feed:read"));
        withKey(readOnly).get("/api/v1/incidents/{id}", pariaman).then().statusCode(404);
        // a replay of the issue returns the settings, never the key again
        String idem = UUID.randomUUID().toString();
        Map<String, Object> body = key(agency, List.of("13.77"), List.of("read"), "PUBLIC");
        coordinator("13")
                .header("Idempotency-Key", idem)
                .body(body)
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .body("key", startsWith("tpd_"));
        coordinator("13")
                .header("Idempotency-Key", idem)
                .body(body)
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("key", nullValue())
                .body("apiKey.prefix", startsWith("tpd_"));
    }

    @Test
    void badKeysAreRefusedAndWriteNothing() {
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Padang"), "KESBANGPOL", "13.71");
        UUID babel = TestData.createAgency(TestData.unique("Kesbangpol Kota Pangkal Pinang"), "KESBANGPOL", "19.71");
        var before = Db.snapshot();
        coordinator("13")
                .body(key(agency, List.of("19"), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403)
                .body("detail", containsString("regionScope[0]"));
        coordinator("13")
                .body(key(agency, List.of(), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
        coordinator("13")
                .body(key(babel, List.of("13"), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agencyId"));
        coordinator("13")
                .body(key(agency, List.of("13"), List.of("write:everything"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scopes[0]"));
        coordinator("13")
                .body(key(agency, List.of("13"), List.of("read"), "CONFIDENTIAL"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
        Map<String, Object> late = key(agency, List.of("13"), List.of("read"), "PUBLIC");
        late.put("expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString());
        coordinator("13")
                .body(late)
                .post("/api/v1/api-keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        Tokens.analyst("13")
                .body(key(agency, List.of("13"), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        String id = admin().body(key(babel, List.of("19.71"), List.of("read"), "PUBLIC"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("apiKey.id");
        coordinator("13").get("/api/v1/api-keys/{id}", id).then().statusCode(404);
        coordinator("19")
                .get("/api/v1/api-keys?active=true")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }
}
