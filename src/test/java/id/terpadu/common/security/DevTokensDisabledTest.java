package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With development tokens off (the production default) the endpoint is gone and the key is never read. */
@QuarkusTest
@TestProfile(DevTokensDisabledTest.Off.class)
class DevTokensDisabledTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("terpadu.dev-tokens.enabled", "false");
        }
    }

    @Inject
    DevTokens tokens;

    @Test
    void endpointAnswers404AndTheKeyStaysUnread() {
        given().contentType("application/json")
                .body(Map.of("subject", "intruder", "roles", java.util.List.of("ADMIN")))
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:not-found"));
        // nor does any other method tell that the address exists
        given().options("/api/v1/dev/tokens").then().statusCode(404).header("Allow", org.hamcrest.Matchers.nullValue());
        given().get("/api/v1/dev/tokens").then().statusCode(404).contentType("application/problem+json");
        assertThat(tokens.enabled()).isFalse();
        assertThat(tokens.keyLoaded()).isFalse();
    }

    @Test
    void theDemoDataSetDoesNotExistEither() {
        var before = id.terpadu.support.Db.snapshot();
        given().post("/api/v1/dev/demo-data")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:not-found"));
        given().options("/api/v1/dev/demo-data").then().statusCode(404);
        id.terpadu.support.Db.assertUnchanged(before);
    }
}
