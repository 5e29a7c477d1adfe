package id.terpadu.common.changelog;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.error.Message;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * The registry of record types: what it holds, that the documentation and the database agree with it, and the
 * classification each change carries, which decides who sees it in a history, the feed and the webhook queue.
 */
@QuarkusTest
@Tag("external-db")
class RecordTypesTest {

    @Inject
    RecordTypes types;

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void everyFeatureRegistersItsRecordTypesAndTheDocumentListsThePublishedOnes() {
        assertThat(types.publishedNames())
                .containsExactly(
                        "action-plan",
                        "action-plan-item",
                        "action-plan-report",
                        "agency",
                        "attachment",
                        "conflict-status",
                        "early-warning",
                        "incident",
                        "incident-activity",
                        "incident-task",
                        "meeting",
                        "meeting-decision",
                        "neutrality-case",
                        "team",
                        "team-member",
                        "tni-assistance");
        assertThat(types.all())
                .extracting(RecordType::name)
                .contains("api-key", "webhook-subscription", "region-import")
                .doesNotHaveDuplicates();
        assertThat(types.all())
                .filteredOn(RecordType::inherits)
                .extracting(RecordType::name)
                .containsExactlyInAnyOrder("incident-activity", "incident-task");

        JsonPath document = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> feedTypes = document.getList(
                "paths.'/api/v1/feed/changes'.get.parameters.find { it.name == 'types' }" + ".schema.items.enum");
        if (feedTypes == null) {
            feedTypes = document.getList(
                    "paths.'/api/v1/feed/changes'.get.parameters.find { it.name == 'types' }.schema.enum");
        }
        assertThat(feedTypes)
                .as("the feed's documented types")
                .containsExactlyInAnyOrderElementsOf(types.publishedNames());
    }

    @Test
    void everyTypesTableAndEveryParentsClassificationExist() {
        var metamodel = em.getEntityManagerFactory()
                .unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
                .getMappingMetamodel();
        for (RecordType type : types.all()) {
            if (!type.entity().isAnnotationPresent(jakarta.persistence.Entity.class)) {
                // only a region import logs what it did rather than a record of its own
                assertThat(type.name()).isEqualTo("region-import");
                continue;
            }
            String table = ((org.hibernate.persister.entity.AbstractEntityPersister)
                            metamodel.getEntityDescriptor(type.entity()))
                    .getTableName();
            assertThat(Db.count("select count(*) from information_schema.tables where table_schema = current_schema() "
                            + "and table_name = '" + table + "'"))
                    .as("table of %s", type)
                    .isEqualTo(1);
            for (RecordType.Parent parent : type.inheritedFrom()) {
                assertThat(Db.count(
                                "select count(*) from information_schema.columns where table_schema = current_schema()"
                                        + " and table_name = '"
                                        + parent.table() + "' and column_name = 'classification'"))
                        .as("the classification %s takes", type)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void everyDeclaredConstraintExistsAndSaysWhatItMeans() {
        List<String> declared = types.all().stream()
                .flatMap(t -> t.constraints().keySet().stream())
                .toList();
        assertThat(declared).contains("action_plan_team_id_year_key", "action_plan_report_item_id_period_key");
        for (String name : declared) {
            // a constraint, or a unique index (a violation names it as the constraint)
            assertThat(Db.count("select (select count(*) from pg_constraint where conname = '" + name + "') + (select "
                            + "count(*) from pg_class where relkind = 'i' and relname = '" + name + "')"))
                    .as("constraint %s in the database", name)
                    .isPositive();
        }
        assertThat(types.of("action_plan_team_id_year_key")).contains(Message.of("plan.year.exists"));
        assertThat(types.of("action_plan_report_item_id_period_key")).contains(Message.of("plan.report.period.exists"));
        assertThat(types.of("no_such_constraint")).isEmpty();
    }

    @Test
    void aTaskChangeCarriesTheClassificationOfItsIncidentAtTheTime() {
        TestData.ensureRegions();
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        UUID satpol = TestData.createAgency(TestData.unique("Satpol PP Kota Pariaman"), "OPD", "13.77");
        RequestSpecification bin = Tokens.as("binda.13", List.of("COORDINATOR"), List.of("13"), binda);
        Map<String, Object> secret = new HashMap<>(IncidentResourceTest.incident("Laporan intelijen", "13.77"));
        secret.put("classification", "CONFIDENTIAL");
        String confidential = bin.body(secret)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String restricted = coordinator("13")
                .body(IncidentResourceTest.incident("Sengketa batas", "13.77"))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> task =
                Map.of("agencyId", satpol.toString(), "description", "Amankan lokasi", "dueAt", "2030-01-01T00:00:00Z");
        // a task on a CONFIDENTIAL record goes to an agency cleared for it
        String hiddenTask = Tokens.as("binda.13", List.of("COORDINATOR"), List.of("13"), binda)
                .body(Map.of(
                        "agencyId", binda.toString(), "description", "Amankan lokasi", "dueAt", "2030-01-01T00:00:00Z"))
                .post("/api/v1/incidents/{id}/tasks", confidential)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String shownTask = coordinator("13")
                .body(task)
                .post("/api/v1/incidents/{id}/tasks", restricted)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(classificationOf(hiddenTask)).isEqualTo("CONFIDENTIAL");
        assertThat(classificationOf(shownTask)).isEqualTo("RESTRICTED");
        assertThat(classificationOf(confidential)).isEqualTo("CONFIDENTIAL");
    }

    @Test
    void aHistoryLeavesOutTheVersionsTheReaderMayNotSee() {
        TestData.ensureRegions();
        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        Map<String, Object> body = new HashMap<>(IncidentResourceTest.incident("Laporan intelijen", "13.77"));
        body.put("classification", "CONFIDENTIAL");
        String id = Tokens.as("binda.13", List.of("COORDINATOR"), List.of("13"), binda)
                .body(body)
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        body.put("classification", "RESTRICTED");
        Tokens.as("binda.13", List.of("COORDINATOR"), List.of("13"), binda)
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200);
        body.put("regionCode", "19.71");
        admin().header("If-Match", "\"1\"")
                .body(body)
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200);

        // a national ADMIN whose agency is not cleared for CONFIDENTIAL does not see the first version
        admin().get("/api/v1/incidents/{id}/history", id).then().statusCode(200).body("items.version", contains(1, 2));
        coordinator("19")
                .get("/api/v1/incidents/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.version", contains(2))
                .body("items[0].snapshot.regionCode", equalTo("19.71"));
        body.put("regionCode", "13.77");
        admin().header("If-Match", "\"2\"")
                .body(body)
                .put("/api/v1/incidents/{id}", id)
                .then()
                .statusCode(200);
        coordinator("13")
                .get("/api/v1/incidents/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.version", contains(1, 3));
        Tokens.as("binda.13", List.of("COORDINATOR"), List.of("13"), binda)
                .get("/api/v1/incidents/{id}/history", id)
                .then()
                .statusCode(200)
                .body("items.version", contains(0, 1, 3));
    }

    private static String classificationOf(String entityId) {
        return Db.single("select classification from change_log where entity_id = '" + entityId
                + "' order by position desc limit 1");
    }
}
