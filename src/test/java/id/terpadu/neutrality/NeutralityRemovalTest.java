package id.terpadu.neutrality;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

/**
 * A person added to a neutrality case by mistake is removed with a reason the case keeps, and a case where nothing
 * was decided is deleted; both are refused once something was decided, and every refusal writes nothing.
 */
@QuarkusTest
class NeutralityRemovalTest {

    static final String PERSON = "/api/v1/neutrality-cases/{id}/persons/{personId}";
    static final String CASE = "/api/v1/neutrality-cases/{id}";
    static final String REASON = "Tercatat dua kali: nama yang sama sudah ada pada kasus ini";

    private UUID bawaslu;
    private String caseId;
    private List<String> persons;

    @BeforeEach
    void aCaseOfThree() {
        TestData.ensureRegions();
        bawaslu = TestData.createAgency(TestData.unique("Bawaslu Kota Pariaman"), "BAWASLU", "13.77");
        JsonPath created = coordinator("13")
                .body(NeutralityCaseResourceTest.caseBody(
                        "PILKADA",
                        2024,
                        "13.77",
                        "2024-10-21",
                        bawaslu,
                        NeutralityCaseResourceTest.persons("Yusrizal Chaniago", 3)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        caseId = created.getString("id");
        persons = created.getList("persons.id");
    }

    private static Map<String, Object> reason(String text) {
        return Map.of("reason", text);
    }

    @Test
    void aPersonAddedByMistakeIsRemovedWithTheReasonAndTheLogKeepsOnlyTheMaskedName() {
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(reason("  " + REASON + " "))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("persons.id", contains(persons.get(0), persons.get(2)))
                .body("statusCounts.DITERIMA", equalTo(2))
                .body("removedPersons", hasSize(1))
                .body("removedPersons[0].personId", equalTo(persons.get(1)))
                .body("removedPersons[0].reason", equalTo(REASON))
                .body("removedPersons[0].removedBy", equalTo("coordinator.13"));
        assertThat(Db.count("select count(*) from neutrality_person where id = cast(? as uuid)", persons.get(1)))
                .isZero();
        // the history: the version before names the person masked, the new one keeps the removal and its reason
        JsonPath history = coordinator("13")
                .get(CASE + "/history", caseId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(history.getList("items.operation")).containsExactly("CREATE", "UPDATE");
        assertThat(history.getString("items[0].snapshot.persons[1].name")).isEqualTo("Y*** C*** N***");
        assertThat(history.getList("items[1].snapshot.persons.id")).doesNotContain(persons.get(1));
        assertThat(history.getString("items[1].snapshot.removedPersons[0].reason"))
                .isEqualTo(REASON);
        assertThat(history.getString("items[1].actor")).isEqualTo("coordinator.13");
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = cast(? as uuid)"
                                + " and (snapshot::text like '%Yusrizal%' or snapshot::text like '%198703122010%')",
                        caseId))
                .as("names and NIPs in the change log")
                .isZero();
        // a person added afterwards comes last, after the gap
        coordinator("13")
                .body(Map.of(
                        "persons",
                        List.of(Map.of(
                                "name",
                                "Rina Marlina",
                                "employer",
                                "Pemerintah Kota Pariaman",
                                "positionCategory",
                                "PELAKSANA"))))
                .post(PERSON.replace("/{personId}", ""), caseId)
                .then()
                .statusCode(200)
                .body("persons", hasSize(3))
                .body("persons[2].name", equalTo("Rina Marlina"));
    }

    @Test
    void aPersonSomethingWasDecidedAboutTheLastOneAndBadRequestsAreRefusedAndWriteNothing() {
        NeutralityCaseResourceTest.move(
                coordinator("13"), caseId, List.of(persons.get(0)), "KAJIAN", "2024-10-22", Map.of());
        NeutralityCaseResourceTest.move(
                coordinator("13"),
                caseId,
                List.of(persons.get(0)),
                "REKOMENDASI",
                "2024-10-25",
                Map.of("recipient", "BKN"));
        NeutralityCaseResourceTest.move(
                coordinator("13"),
                caseId,
                List.of(persons.get(0)),
                "SANKSI_DIJATUHKAN",
                "2024-11-04",
                Map.of("sanction", "DISIPLIN_SEDANG"));
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        var before = Db.snapshot();
        // a sanctioned person is not "added by mistake"
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(0))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of(
                                        "neutrality.person.remove.decided",
                                        "id",
                                        persons.get(0),
                                        "status",
                                        "SANKSI_DIJATUHKAN")
                                .in("id")));
        // no reason, a blank one, one too long, no body, malformed JSON
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(Map.of())
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("not-blank"));
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(reason("   "))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(reason("x".repeat(2001)))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("size"));
        coordinator("13")
                .header("If-Match", "\"3\"")
                .contentType("application/json")
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(400);
        coordinator("13")
                .header("If-Match", "\"3\"")
                .contentType("application/json")
                .body("{\"reason\": ")
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(400);
        // no If-Match, a stale one
        coordinator("13")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(428);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(412)
                .header("ETag", "\"3\"");
        // another province's coordinator, an analyst, an officer of another agency, a person of no case
        coordinator("19")
                .header("If-Match", "\"3\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(404);
        as("analyst.13", List.of("ANALYST"), List.of("13"))
                .header("If-Match", "\"3\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(403);
        as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres)
                .header("If-Match", "\"3\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(403);
        coordinator("13")
                .header("If-Match", "\"3\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // a case with a sanction is not deleted
        coordinator("13")
                .header("If-Match", "\"3\"")
                .delete(CASE, caseId)
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of(
                                        "neutrality.delete.decided", "id", caseId, "count", 1)
                                .in("id")));
        Db.assertUnchanged(before);

        // the handling agency's officer removes one; the last undecided one stays with the sanctioned person
        as("bawaslu.pariaman", List.of("OFFICER"), List.of("13.77"), bawaslu)
                .header("If-Match", "\"3\"")
                .body(reason(REASON))
                .delete(PERSON, caseId, persons.get(1))
                .then()
                .statusCode(200)
                .header("ETag", "\"4\"");

        // the last person of a case is not removed: the case is deleted instead
        String single = coordinator("13")
                .body(NeutralityCaseResourceTest.caseBody(
                        "PILKADA",
                        2024,
                        "13.77",
                        "2024-10-21",
                        bawaslu,
                        NeutralityCaseResourceTest.persons("Tunggal", 1)))
                .post("/api/v1/neutrality-cases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String only = coordinator("13").get(CASE, single).then().extract().path("persons[0].id");
        before = Db.snapshot();
        coordinator("13")
                .header("If-Match", "\"0\"")
                .body(reason(REASON))
                .delete(PERSON, single, only)
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("neutrality.person.remove.last", "id", single)
                                .in("id")));
        Db.assertUnchanged(before);
    }

    @Test
    void aCaseWhereNothingWasDecidedIsDeletedWithItsPersonsAndTheFeedCarriesTheTombstone() throws Exception {
        NeutralityCaseResourceTest.move(
                coordinator("13"), caseId, List.of(persons.get(0)), "KAJIAN", "2024-10-22", Map.of());
        String cursor = coordinator("13")
                .get("/api/v1/feed/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("cursor");
        // a subscriber of the region's cases, whose queue gets the deletion
        String hook = coordinator("13")
                .body(id.terpadu.webhook.WebhookResourceTest.subscription(
                        "http://127.0.0.1:9/hook", List.of("neutrality-case"), "13.77", "RESTRICTED"))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var before = Db.snapshot();
        coordinator("13").delete(CASE, caseId).then().statusCode(428);
        coordinator("13")
                .header("If-Match", "\"0\"")
                .delete(CASE, caseId)
                .then()
                .statusCode(412)
                .header("ETag", "\"1\"");
        coordinator("19")
                .header("If-Match", "\"1\"")
                .delete(CASE, caseId)
                .then()
                .statusCode(404);
        as("bawaslu.pariaman", List.of("OFFICER"), List.of("13.77"), bawaslu)
                .header("If-Match", "\"1\"")
                .delete(CASE, caseId)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);

        coordinator("13.77")
                .header("If-Match", "\"1\"")
                .delete(CASE, caseId)
                .then()
                .statusCode(204);
        coordinator("13").get(CASE, caseId).then().statusCode(404);
        assertThat(Db.count("select count(*) from neutrality_person where case_id = cast(? as uuid)", caseId))
                .isZero();
        coordinator("13").get(CASE + "/history", caseId).then().statusCode(404);
        assertThat(Db.single(
                        "select operation from change_log where entity_type = 'neutrality-case'"
                                + " and entity_id = cast(? as uuid) order by position desc limit 1",
                        caseId))
                .isEqualTo("DELETE");
        // the change feed carries the deletion like any other
        boolean found = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!found && System.nanoTime() < deadline) {
            JsonPath page = coordinator("13")
                    .queryParam("after", cursor)
                    .queryParam("types", "neutrality-case")
                    .queryParam("limit", 200)
                    .get("/api/v1/feed/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                found |= caseId.equals(item.get("id")) && "DELETE".equals(item.get("operation"));
            }
            if (!found) {
                Thread.sleep(100);
            }
        }
        assertThat(found).as("the deletion in the change feed").isTrue();
        assertThat(Db.count(
                        "select count(*) from webhook_delivery where subscription_id = cast(? as uuid)"
                                + " and entity_id = cast(? as uuid) and operation = 'DELETE'",
                        hook,
                        caseId))
                .as("the deletion queued for the subscriber")
                .isEqualTo(1);
        Db.execute("delete from webhook_subscription where id = '" + hook + "'");
    }
}
