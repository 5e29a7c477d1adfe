package id.terpadu.common.patch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.Fixtures;
import id.terpadu.support.Tokens;
import id.terpadu.support.fuzz.OpenApi;

/**
 * Every record type that takes a merge patch, on a record of its own (the world of Kabupaten Belitung): one field
 * changed and every other field as it was, one more entry in its history; and the refusals every one of them shares
 * (a required field removed, an unknown field, a body that is not an object, no If-Match, a stale one, another media
 * type), each of which writes nothing.
 */
@QuarkusTest
class MergePatchResourcesTest {

    /** A patch route, the field it changes and the value, and a field its PUT body requires. */
    record Case(String template, String field, Object value, String required) {}

    static final List<Case> CASES = List.of(
            new Case("/api/v1/agencies/{id}", "name", "Kepolisian Resor Belitung", "name"),
            new Case("/api/v1/teams/{id}", "decreeNumber", "Keputusan Bupati Belitung No. 188.45/12/2024", "level"),
            new Case("/api/v1/teams/{teamId}/members/{memberId}", "position", "Kepala Sekretariat", "role"),
            new Case("/api/v1/incidents/{id}", "locationText", "Dermaga Tanjung Pandan", "title"),
            new Case("/api/v1/early-warnings/{id}", "recommendedActions", "Dialog tokoh adat", "title"),
            new Case("/api/v1/meetings/{id}", "place", "Aula Kantor Bupati Belitung", "title"),
            new Case("/api/v1/action-plans/{id}/items/{itemId}", "indicator", "Jumlah patroli terpadu", "activity"),
            new Case("/api/v1/neutrality-cases/{id}", "summary", "ASN mengunggah dukungan di media sosial", "summary"));

    /** What a change of one field may change besides it: the version, the time, who vouches for a warning. */
    static final List<String> DERIVED = List.of("version", "updatedAt", "verification", "published", "attachments");

    @Test
    void everyPatchedTypeChangesOnlyTheFieldSentAndRefusesWithoutWriting() {
        Fixtures.World world = Fixtures.belitung();
        try {
            assertThat(CASES.stream().map(Case::template).toList())
                    .as("every PATCH of the document but the tus uploads' has a case here")
                    .containsExactlyInAnyOrderElementsOf(patchOperations());
            RequestSpecification admin = Tokens.as("patch.admin.19", List.of("ADMIN"), List.of("19"));
            List<String> wrong = new ArrayList<>();
            for (Case c : CASES) {
                String path = world.concrete(c.template());
                Response read = given().spec(admin).get(path);
                assertThat(read.statusCode()).as(path).isEqualTo(200);
                String etag = read.header("ETag");
                Map<String, Object> before = read.jsonPath().getMap("");

                var unchanged = withoutDeliveries(Db.snapshot());
                expect(wrong, c, "required removed", patch(admin, path, etag, "{\"" + c.required() + "\": null}"), 400);
                expect(wrong, c, "unknown field", patch(admin, path, etag, "{\"noSuchField\": 1}"), 400);
                expect(wrong, c, "server-owned field", patch(admin, path, etag, "{\"createdBy\": \"x\"}"), 400);
                expect(wrong, c, "not an object", patch(admin, path, etag, "[]"), 400);
                expect(wrong, c, "no If-Match", patch(admin, path, null, "{}"), 428);
                expect(wrong, c, "stale If-Match", patch(admin, path, "\"999\"", "{}"), 412);
                expect(
                        wrong,
                        c,
                        "application/json",
                        given().spec(admin)
                                .contentType("application/json")
                                .header("If-Match", etag)
                                .body("{}")
                                .patch(path),
                        415);
                assertThat(withoutDeliveries(Db.snapshot()))
                        .as("database after the refused patches of " + c.template())
                        .isEqualTo(unchanged);

                long history = given().spec(admin)
                        .get(path + "/history?limit=200")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put(c.field(), c.value());
                Response answer = patch(admin, path, etag, toJson(body));
                if (answer.statusCode() != 200) {
                    wrong.add(c.template() + " patch → " + answer.statusCode() + " " + answer.asString());
                    continue;
                }
                Map<String, Object> after = answer.jsonPath().getMap("");
                assertThat(after.get(c.field())).as(c.template()).isEqualTo(c.value());
                Map<String, Object> rest = new LinkedHashMap<>(after);
                Map<String, Object> restBefore = new LinkedHashMap<>(before);
                for (String key : DERIVED) {
                    rest.remove(key);
                    restBefore.remove(key);
                }
                rest.remove(c.field());
                restBefore.remove(c.field());
                assertThat(rest).as("the other fields of " + c.template()).isEqualTo(restBefore);
                assertThat(answer.header("ETag")).isNotEqualTo(etag);
                assertThat(given().spec(admin)
                                .get(path + "/history?limit=200")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList("items")
                                .size())
                        .as("history of " + c.template())
                        .isEqualTo(history + 1);
            }
            assertThat(wrong).as("patches answered otherwise than expected").isEmpty();
        } finally {
            world.dropWebhook();
        }
    }

    private static List<String> patchOperations() {
        List<String> found = new ArrayList<>();
        OpenApi.served().path("paths").fields().forEachRemaining(path -> {
            if (path.getValue().has("patch")
                    && !path.getKey().startsWith("/api/v1/uploads")
                    && !path.getKey().startsWith("/api/v1/public/uploads")) {
                found.add(path.getKey());
            }
        });
        return found;
    }

    private static void expect(List<String> wrong, Case c, String what, Response answer, int status) {
        if (answer.statusCode() != status || !answer.contentType().startsWith("application/problem+json")) {
            wrong.add(c.template() + " " + what + " → " + answer.statusCode() + " " + answer.asString());
        }
    }

    private static Response patch(RequestSpecification as, String path, String ifMatch, String body) {
        RequestSpecification spec =
                given().spec(as).contentType(MergePatchTest.MERGE_PATCH).body(body);
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.patch(path);
    }

    private static Map<String, String> withoutDeliveries(Map<String, String> snapshot) {
        snapshot.remove("webhook_delivery");
        snapshot.remove("webhook_attempt");
        return snapshot;
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
