package id.terpadu.agency;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.analyst;
import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.support.Db;
import id.terpadu.support.TestData;

@QuarkusTest
@Tag("external-db")
class AgencyResourceTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    @Test
    void createReadReplaceDeleteWithHistory() {
        String name = TestData.unique("Polda Kepulauan Bangka Belitung");
        var created = coordinator("19")
                .body(Map.of(
                        "name",
                        name,
                        "type",
                        "POLRI",
                        "regionCode",
                        "19",
                        "contact",
                        Map.of("phone", "+62 717 421110", "email", "humas@polda-babel.example")))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/agencies/" + id);

        coordinator("19")
                .get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("contact.email", equalTo("humas@polda-babel.example"));
        coordinator("19")
                .header("If-None-Match", "\"0\"")
                .get("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(304);

        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(Map.of("name", name + " (Polda Babel)", "type", "POLRI", "regionCode", "19"))
                .put("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("contact", equalTo(null));

        coordinator("19")
                .get("/api/v1/agencies/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].operation", equalTo("CREATE"))
                .body("items[0].version", equalTo(0))
                .body("items[0].actor", equalTo("coordinator.19"))
                .body("items[0].clientId", equalTo("dev-tokens"))
                .body("items[0].requestId", notNullValue())
                .body("items[0].snapshot.name", equalTo(name))
                .body("items[1].operation", equalTo("UPDATE"))
                .body("items[1].snapshot.name", equalTo(name + " (Polda Babel)"));

        // a client that accepts only problem documents (what a generated client sends for a DELETE) is served
        coordinator("19")
                .accept("application/problem+json")
                .header("If-Match", "\"1\"")
                .delete("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(204);
        coordinator("19").get("/api/v1/agencies/{id}", id).then().statusCode(404);
        assertThat(Db.single(
                        "select snapshot ->> 'deleted' from change_log where entity_id = ?::uuid "
                                + "and operation = 'DELETE'",
                        id))
                .isEqualTo("true");
    }

    @Test
    void clientMayChooseTheIdButNotReuseIt() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body =
                new java.util.HashMap<>(TestData.agency(TestData.unique("Kodim 0413/Bangka"), "TNI", "19.01"));
        body.put("id", id.toString());
        admin().body(body).post("/api/v1/agencies").then().statusCode(201).body("id", equalTo(id.toString()));
        var before = Db.snapshot();
        admin().body(body)
                .post("/api/v1/agencies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:conflict"));
        Db.assertUnchanged(before);
    }

    @Test
    void writesNeedIfMatch() {
        UUID id = TestData.createAgency(TestData.unique("Kejari Bangka"), "KEJAKSAAN", "19.01");
        var before = Db.snapshot();
        Map<String, Object> body = TestData.agency("Kejari Bangka", "KEJAKSAAN", "19.01");
        admin().body(body)
                .put("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:terpadu:problem:precondition-required"));
        admin().header("If-Match", "\"7\"")
                .body(body)
                .put("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:terpadu:problem:precondition-failed"));
        admin().header("If-Match", "W/\"0\"")
                .body(body)
                .put("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(412);
        admin().delete("/api/v1/agencies/{id}", id).then().statusCode(428);
        admin().accept("application/problem+json")
                .header("If-Match", "\"3\"")
                .delete("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }

    @Test
    void regionScopeHidesAndProtects() {
        UUID babel = TestData.createAgency(TestData.unique("Kesbangpol Babel"), "KESBANGPOL", "19");
        UUID padang = TestData.createAgency(TestData.unique("Kesbangpol Kota Padang"), "KESBANGPOL", "13.71");
        UUID national = TestData.createAgency(TestData.unique("BIN Pusat"), "BIN", null);

        coordinator("19")
                .get("/api/v1/agencies/{id}", padang)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:terpadu:problem:not-found"));
        coordinator("19").get("/api/v1/agencies/{id}", national).then().statusCode(200);
        coordinator("19").get("/api/v1/agencies/{id}/history", padang).then().statusCode(404);
        coordinator("19")
                .get("/api/v1/agencies?limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(babel.toString()))
                .body("items.id", not(hasItem(padang.toString())))
                .body(
                        "items.regionCode.findAll { it != null }.every { it == '19' || it.startsWith('19.') }",
                        equalTo(true));

        var before = Db.snapshot();
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(TestData.agency("x", "KESBANGPOL", "13.71"))
                .put("/api/v1/agencies/{id}", padang)
                .then()
                .statusCode(404);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .delete("/api/v1/agencies/{id}", padang)
                .then()
                .statusCode(404);
        coordinator("19")
                .body(TestData.agency("Polres Pariaman", "POLRI", "13.77"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:terpadu:problem:forbidden"));
        coordinator("19")
                .body(TestData.agency("Kemendagri", "OTHER", null))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(TestData.agency("BIN", "BIN", null))
                .put("/api/v1/agencies/{id}", national)
                .then()
                .statusCode(403);
        coordinator("19")
                .header("If-Match", "\"0\"")
                .body(TestData.agency("Moved", "KESBANGPOL", "13"))
                .put("/api/v1/agencies/{id}", babel)
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
    }

    @Test
    void rolesDecideWhoWrites() {
        UUID id = TestData.createAgency(TestData.unique("Bawaslu Kota Pariaman"), "BAWASLU", "13.77");
        var before = Db.snapshot();
        analyst().get("/api/v1/agencies/{id}", id).then().statusCode(200);
        analyst()
                .body(TestData.agency("Bawaslu", "BAWASLU", "13.77"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        analyst()
                .header("If-Match", "\"0\"")
                .delete("/api/v1/agencies/{id}", id)
                .then()
                .statusCode(403);
        as("officer.13", List.of("OFFICER"), List.of("13"))
                .body(TestData.agency("Bawaslu", "BAWASLU", "13.77"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
    }

    @Test
    void unitsFormAChainWithinTheirParentsRegion() {
        UUID polda = TestData.createAgency(TestData.unique("Polda Babel"), "POLRI", "19");
        Map<String, Object> polres =
                new java.util.HashMap<>(TestData.agency(TestData.unique("Polres Bangka"), "POLRI", "19.01"));
        polres.put("parentId", polda.toString());
        UUID polresId = TestData.createAgency(admin(), polres);
        admin().get("/api/v1/agencies?parentId={p}", polda)
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(polresId.toString()));

        var before = Db.snapshot();
        Map<String, Object> outside = new java.util.HashMap<>(TestData.agency("Polres Padang", "POLRI", "13.71"));
        outside.put("parentId", polda.toString());
        admin().body(outside)
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        Map<String, Object> unknownParent = new java.util.HashMap<>(TestData.agency("Polsek", "POLRI", "19.01"));
        unknownParent.put("parentId", UUID.randomUUID().toString());
        admin().body(unknownParent)
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        Map<String, Object> loop = new java.util.HashMap<>(TestData.agency("Polda Babel", "POLRI", "19"));
        loop.put("parentId", polresId.toString());
        admin().header("If-Match", "\"0\"")
                .body(loop)
                .put("/api/v1/agencies/{id}", polda)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        admin().body(TestData.agency("Polres X", "POLRI", "19.99"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        admin().header("If-Match", "\"0\"")
                .delete("/api/v1/agencies/{id}", polda)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:terpadu:problem:conflict"));
        Db.assertUnchanged(before);
    }

    @Test
    void aParentCannotMoveAwayFromItsUnits() {
        UUID polda = TestData.createAgency(TestData.unique("Polda Babel"), "POLRI", "19");
        Map<String, Object> polres =
                new java.util.HashMap<>(TestData.agency(TestData.unique("Polres Belitung"), "POLRI", "19.04"));
        polres.put("parentId", polda.toString());
        TestData.createAgency(admin(), polres);
        var before = Db.snapshot();
        admin().header("If-Match", "\"0\"")
                .body(TestData.agency("Polda Sumbar", "POLRI", "13"))
                .put("/api/v1/agencies/{id}", polda)
                .then()
                .statusCode(409)
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of("agency.units.outside", "region", "13")
                                .in("id")));
        Db.assertUnchanged(before);
        // moving up to national keeps every unit inside
        admin().header("If-Match", "\"0\"")
                .body(TestData.agency("Polri", "POLRI", null))
                .put("/api/v1/agencies/{id}", polda)
                .then()
                .statusCode(200);
    }

    @Test
    void unitCannotBecomeItsOwnAncestor() {
        UUID top = TestData.createAgency(TestData.unique("Kodam II/Sriwijaya"), "TNI", null);
        Map<String, Object> korem =
                new java.util.HashMap<>(TestData.agency(TestData.unique("Korem 045/Garuda Jaya"), "TNI", null));
        korem.put("parentId", top.toString());
        UUID koremId = TestData.createAgency(admin(), korem);
        var before = Db.snapshot();
        Map<String, Object> cycle = new java.util.HashMap<>(TestData.agency("Kodam II/Sriwijaya", "TNI", null));
        cycle.put("parentId", koremId.toString());
        admin().header("If-Match", "\"0\"")
                .body(cycle)
                .put("/api/v1/agencies/{id}", top)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        Db.assertUnchanged(before);
    }

    @Test
    void filtersByTypeRegionSubtreeAndName() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        TestData.createAgency("Kodim 0414 Belitung " + tag, "TNI", "19.04");
        TestData.createAgency("Polres Belitung " + tag, "POLRI", "19.04");
        TestData.createAgency("Polres Wonosobo " + tag, "POLRI", "33.07");
        admin().get("/api/v1/agencies?type=POLRI&q={q}", tag)
                .then()
                .statusCode(200)
                .body("items", hasSize(2));
        admin().get("/api/v1/agencies?region=19&q={q}", tag)
                .then()
                .statusCode(200)
                .body(
                        "items.name",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "Kodim 0414 Belitung " + tag, "Polres Belitung " + tag));
        admin().get("/api/v1/agencies?q={q}", "WONOSOBO " + tag.toUpperCase())
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        admin().get("/api/v1/agencies?q=%25").then().statusCode(200);
        var before = Db.snapshot();
        admin().get("/api/v1/agencies?type=ARMY").then().statusCode(400).body("allowed", hasItem("TNI"));
        admin().get("/api/v1/agencies?region=19.x").then().statusCode(400).body("errors[0].field", equalTo("region"));
        admin().get("/api/v1/agencies?parentId=nope")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        admin().get("/api/v1/agencies/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        Db.assertUnchanged(before);
    }
}
