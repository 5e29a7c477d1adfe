package id.terpadu.task;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import id.terpadu.apikey.ApiKeyResourceTest;
import id.terpadu.support.TestData;

/**
 * Where the agency exception stops: the people of the agency a task is given to read it wherever its record lies, but
 * an API key or an integration account issued for that agency reads only within its own region scope.
 */
@QuarkusTest
class AgencyExceptionLimitsTest {

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    @Test
    void aKeyOrAnIntegrationAccountOfTheAgencyDoesNotReadItsTasksOutsideItsScope() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pariaman"), "POLRI", "13.77");
        String provincial = WarningTaskTest.warning("13", "RESTRICTED");
        String task = coordinator("13")
                .body(WarningTaskTest.task(polres, Instant.now().plus(1, ChronoUnit.DAYS)))
                .post("/api/v1/early-warnings/{id}/tasks", provincial)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // the agency's officer, a person, reads it (the exception)
        as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres)
                .get("/api/v1/early-warnings/{id}/tasks/{t}", provincial, task)
                .then()
                .statusCode(200)
                .body("id", equalTo(task));
        as("polres.pariaman", List.of("OFFICER"), List.of("13.77"), polres)
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(task));

        String key = coordinator("13")
                .body(ApiKeyResourceTest.key(polres, List.of("13.77"), List.of("read"), "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        ApiKeyResourceTest.withKey(key)
                .get("/api/v1/early-warnings/{id}/tasks/{t}", provincial, task)
                .then()
                .statusCode(404);
        ApiKeyResourceTest.withKey(key)
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(task)));

        var integration = as("dispatch.polres.pariaman", List.of("INTEGRATION"), List.of("13.77"), polres);
        integration
                .get("/api/v1/early-warnings/{id}/tasks/{t}", provincial, task)
                .then()
                .statusCode(404);
        as("dispatch.polres.pariaman", List.of("INTEGRATION"), List.of("13.77"), polres)
                .get("/api/v1/tasks?limit=200&agencyId=" + polres)
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(task)));
    }
}
