package id.terpadu.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void livenessNeverAsksTheDatabase() {
        given().get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(org.hamcrest.Matchers.not(containsString("Database")));
    }

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void metricsArePrometheusText() {
        id.terpadu.support.Tokens.admin().get("/api/v1/reference").then().statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.anyOf(containsString("text/plain"), containsString("openmetrics")))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("agroal_"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
