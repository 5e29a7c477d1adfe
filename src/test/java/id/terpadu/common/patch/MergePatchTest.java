package id.terpadu.common.patch;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * JSON Merge Patch (RFC 7396) on an incident: only the fields sent change, the result is validated and ruled like a
 * PUT, every refusal writes nothing, and two officers who change different fields one after the other both keep
 * their change while a second change of the same field is a 412 naming it.
 */
@QuarkusTest
class MergePatchTest {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static String create(RequestSpecification as, Map<String, Object> body) {
        return as.body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Response patch(RequestSpecification as, String path, String ifMatch, String body) {
        // a fresh request each time: a specification keeps the headers it was given
        RequestSpecification spec = given().spec(as).contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            spec = spec.header("If-Match", ifMatch);
        }
        return spec.patch(path);
    }

    static long changes(String id) {
        return Db.count("select count(*) from change_log where entity_id = cast(? as uuid)", id);
    }

    @Test
    void onlyTheFieldsSentChange() {
        RequestSpecification coordinator = coordinator("19");
        Map<String, Object> body = IncidentResourceTest.incident("Bentrokan di pasar ikan", "19.71");
        body.put("description", "Dua kelompok pedagang bentrok");
        body.put("impact", Map.of("killed", 0, "injured", 3));
        String id = create(coordinator, body);
        String path = "/api/v1/incidents/" + id;

        patch(
                        coordinator("19"),
                        path,
                        "\"0\"",
                        "{\"severity\": 4, \"impact\": {\"injured\": 4}, \"description\": null}")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("severity", equalTo(4))
                .body("impact.killed", equalTo(0))
                .body("impact.injured", equalTo(4))
                .body("description", nullValue())
                .body("title", equalTo("Bentrokan di pasar ikan"))
                .body("version", equalTo(1));
        coordinator("19")
                .get(path)
                .then()
                .statusCode(200)
                .body("severity", equalTo(4))
                .body("impact.injured", equalTo(4))
                .body("classification", equalTo("RESTRICTED"));
        // one change-log entry, as a PUT writes, whose snapshot is the patched record
        coordinator("19")
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[1].operation", equalTo("UPDATE"))
                .body("items[1].snapshot.severity", equalTo(4))
                .body("items[1].snapshot.impact.killed", equalTo(0));

        // a patch that changes nothing is no change: no version, no entry
        long before = changes(id);
        patch(coordinator("19"), path, "\"1\"", "{\"severity\": 4}")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        assertThat(changes(id)).isEqualTo(before);
    }

    @Test
    void everyRefusedPatchWritesNothing() {
        String id = create(coordinator("19"), IncidentResourceTest.incident("Sengketa tapal batas desa", "19.71"));
        String path = "/api/v1/incidents/" + id;
        var before = Db.snapshot();

        // If-Match missing: 428; a version that is not the current one, on a field changed since: see below
        patch(coordinator("19"), path, null, "{\"severity\": 4}").then().statusCode(428);
        patch(coordinator("19"), path, "\"7\"", "{\"severity\": 4}")
                .then()
                .statusCode(412)
                .header("ETag", "\"0\"")
                .contentType("application/problem+json");
        patch(coordinator("19"), path, "\"x\"", "{\"severity\": 4}").then().statusCode(412);
        // a required field removed: the field error a PUT without it gets
        patch(coordinator("19"), path, "\"0\"", "{\"title\": null}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("title"))
                .body("errors.code", hasItem("not-blank"));
        patch(coordinator("19"), path, "\"0\"", "{\"severity\": null}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].code", equalTo("not-null"));
        // the same constraints, codes and parameters as a PUT
        patch(coordinator("19"), path, "\"0\"", "{\"severity\": 9}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].code", equalTo("max"))
                .body("errors[0].params.value", equalTo(5));
        patch(coordinator("19"), path, "\"0\"", "{\"point\": {\"lat\": -0.6}}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("point.lon"));
        patch(coordinator("19"), path, "\"0\"", "{\"severity\": \"tinggi\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].code", equalTo("json.expected.integer"));
        patch(coordinator("19"), path, "\"0\"", "{\"sourceKind\": \"GOSIP\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sourceKind"))
                .body("allowed", hasItem("PATROLI"));
        // unknown fields, and fields the server owns, as on a PUT
        patch(coordinator("19"), path, "\"0\"", "{\"bogus\": 1}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bogus"))
                .body("errors[0].code", equalTo("json.unknown-field"));
        patch(coordinator("19"), path, "\"0\"", "{\"version\": 7}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("version"));
        patch(coordinator("19"), path, "\"0\"", "{\"impact\": {\"wounded\": 1}}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("impact.wounded"));
        patch(coordinator("19"), path, "\"0\"", "{\"id\": \"" + java.util.UUID.randomUUID() + "\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        // the rules of the PUT: the stage moves only by a transition, the region within the caller's scope
        patch(coordinator("19"), path, "\"0\"", "{\"stage\": \"PEMULIHAN\"}")
                .then()
                .statusCode(409);
        patch(coordinator("19"), path, "\"0\"", "{\"regionCode\": \"13.77\"}")
                .then()
                .statusCode(403);
        patch(coordinator("19"), path, "\"0\"", "{\"occurredTo\": \"2020-01-01T00:00:00Z\"}")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("incident.occurred-to.before"));
        // not a JSON object, not JSON, not a merge patch
        for (String notAnObject : List.of("[{\"severity\": 4}]", "\"severity\"", "4", "null")) {
            patch(coordinator("19"), path, "\"0\"", notAnObject)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        patch(coordinator("19"), path, "\"0\"", "{\"severity\": ").then().statusCode(400);
        patch(coordinator("19"), path, "\"0\"", "").then().statusCode(400);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .header("Accept-Language", "en")
                .body("{\"severity\": 4}")
                .patch(path)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                // it names what a PATCH takes, in the detail and in Accept-Patch (RFC 5789 §2.2)
                .header("Accept-Patch", "application/merge-patch+json")
                .body("detail", org.hamcrest.Matchers.endsWith("it takes application/merge-patch+json"));
        coordinator("19")
                .header("If-Match", "\"0\"")
                .contentType("application/json-patch+json")
                .body("[{\"op\": \"replace\", \"path\": \"/severity\", \"value\": 4}]")
                .patch(path)
                .then()
                .statusCode(415);
        // who may not: outside the scope 404, a role that does not write 403
        patch(coordinator("13"), path, "\"0\"", "{\"severity\": 4}").then().statusCode(404);
        patch(as("analyst.19", List.of("ANALYST"), List.of("19")), path, "\"0\"", "{\"severity\": 4}")
                .then()
                .statusCode(403);
        patch(coordinator("19"), "/api/v1/incidents/" + java.util.UUID.randomUUID(), "\"0\"", "{}")
                .then()
                .statusCode(404);
        Db.assertUnchanged(before);
    }

    @Test
    void aFieldErrorIsWordedInBothLanguages() {
        String id = create(coordinator("19"), IncidentResourceTest.incident("Unjuk rasa di kantor bupati", "19.71"));
        String path = "/api/v1/incidents/" + id;
        String english = patch(coordinator("19").header("Accept-Language", "en"), path, "\"0\"", "{\"title\": null}")
                .then()
                .statusCode(400)
                .header("Content-Language", "en")
                .extract()
                .path("errors[0].message");
        String indonesian = patch(coordinator("19"), path, "\"0\"", "{\"title\": null}")
                .then()
                .statusCode(400)
                .header("Content-Language", "id")
                .extract()
                .path("errors[0].message");
        assertThat(english).isEqualTo("must not be blank");
        assertThat(indonesian).isNotEqualTo(english);
    }

    /**
     * Two officers read version 0. The first changes the title; the second, still holding version 0, changes the
     * severity: the title was not touched by the second, and the severity not by the first, so both changes stand.
     * A third, also at version 0, changes the title again: that would undo the first officer's change unseen, so it is
     * a 412 naming the field, with the current version as the ETag, and nothing is written.
     */
    @Test
    void twoOfficersWhoEditDifferentFields() {
        String id = create(coordinator("19"), IncidentResourceTest.incident("Bentrok nelayan", "19.71"));
        String path = "/api/v1/incidents/" + id;
        RequestSpecification first = as("officer.satu", List.of("OFFICER"), List.of("19"));
        RequestSpecification second = as("officer.dua", List.of("OFFICER"), List.of("19"));

        patch(first, path, "\"0\"", "{\"title\": \"Bentrok nelayan di Pelabuhan Pangkalbalam\"}")
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        patch(second, path, "\"0\"", "{\"severity\": 4, \"impact\": {\"injured\": 2}}")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Bentrok nelayan di Pelabuhan Pangkalbalam"))
                .body("severity", equalTo(4));

        var before = Db.snapshot();
        patch(as("officer.tiga", List.of("OFFICER"), List.of("19")), path, "\"0\"", "{\"title\": \"Bentrok\"}")
                .then()
                .statusCode(412)
                .header("ETag", "\"2\"")
                .body("detail", containsString("title"));
        // a nested field changed meanwhile is a conflict too; a sibling is not
        patch(first, path, "\"1\"", "{\"impact\": {\"injured\": 5}}")
                .then()
                .statusCode(412)
                .body("detail", containsString("impact.injured"));
        // the names of persons are masked in the change log, so they are never compared: the current version only
        patch(first, path, "\"1\"", "{\"parties\": []}").then().statusCode(412);
        Db.assertUnchanged(before);
        patch(first, path, "\"1\"", "{\"impact\": {\"killed\": 0}}")
                .then()
                .statusCode(200)
                .body("impact.injured", equalTo(2))
                .body("impact.killed", equalTo(0))
                .body("version", equalTo(3));
        patch(first, path, "\"3\"", "{\"parties\": []}").then().statusCode(200);
        // If-Match * applies to whatever the current version is
        patch(second, path, "*", "{\"title\": \"Bentrok nelayan\"}").then().statusCode(200);
    }

    @Test
    void aRetryWhoseAnswerWasLostGetsTheRecordAsItLeftIt() {
        String id = create(coordinator("19"), IncidentResourceTest.incident("Sengketa lahan sawit", "19.71"));
        String path = "/api/v1/incidents/" + id;
        RequestSpecification field = as("officer.lapangan", List.of("OFFICER"), List.of("19"));
        String body = "{\"severity\": 4, \"impact\": {\"injured\": 3}}";
        patch(field, path, "\"0\"", body).then().statusCode(200).header("ETag", "\"1\"");

        // the answer never reached the phone: it sends the same patch with the version it read
        long logged = changes(id);
        var before = Db.snapshot();
        patch(field, path, "\"0\"", body)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("severity", equalTo(4))
                .body("impact.injured", equalTo(3))
                .body("version", equalTo(1));
        Db.assertUnchanged(before);
        assertThat(changes(id)).isEqualTo(logged);

        // someone else made the same correction meanwhile: nothing of theirs is lost, nothing new is written
        RequestSpecification other = as("officer.posko", List.of("OFFICER"), List.of("19"));
        patch(other, path, "\"1\"", "{\"title\": \"Sengketa lahan sawit Desa Air Anyir\", \"description\": null}")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        patch(field, path, "\"1\"", "{\"title\": \"Sengketa lahan sawit Desa Air Anyir\"}")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"");
        assertThat(changes(id)).isEqualTo(logged + 1);

        // but a retry whose field someone has since set to another value is still the 412 naming it
        patch(other, path, "\"2\"", "{\"severity\": 5}").then().statusCode(200).header("ETag", "\"3\"");
        var after = Db.snapshot();
        patch(field, path, "\"0\"", body)
                .then()
                .statusCode(412)
                .header("ETag", "\"3\"")
                .body("detail", containsString("severity"))
                .body("detail", org.hamcrest.Matchers.not(containsString("impact")));
        Db.assertUnchanged(after);
    }
}
