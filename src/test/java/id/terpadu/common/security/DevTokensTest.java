package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.terpadu.support.Db;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DevTokensTest {

    @Test
    void mintsATokenTheApiAccepts() {
        String token = given().contentType("application/json")
                .body(Map.of("subject", "kesbangpol.babel", "name", "Sekretariat Babel", "roles", List.of("COORDINATOR"),
                        "regionScope", List.of("19"), "ttlMinutes", 30))
                .post("/api/v1/dev/tokens").then().statusCode(201)
                .body("tokenType", equalTo("Bearer"))
                .body("roles", hasItem("COORDINATOR"))
                .body("regionScope", hasItem("19"))
                .extract().path("accessToken");
        given().auth().oauth2(token).get("/api/v1/agencies").then().statusCode(200);
    }

    @Test
    void refusesBadRequests() {
        var before = Db.snapshot();
        given().contentType("application/json").body(Map.of("subject", "x", "roles", List.of("GOD")))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("allowed", hasItem("ADMIN"));
        given().contentType("application/json").body(Map.of("subject", "x", "roles", List.of()))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("errors[0].field", equalTo("roles"));
        given().contentType("application/json").body(Map.of("subject", "x", "roles", List.of("ADMIN"),
                "regionScope", List.of("Babel"))).post("/api/v1/dev/tokens").then().statusCode(400);
        given().contentType("application/json").body(Map.of("subject", "x", "roles", List.of("ADMIN"),
                "ttlMinutes", 100000)).post("/api/v1/dev/tokens").then().statusCode(400)
                .body("errors[0].field", equalTo("ttlMinutes"));
        Db.assertUnchanged(before);
    }

    @Test
    void tokenWithAMalformedScopeIsRefused() {
        String token = io.smallrye.jwt.build.Jwt.issuer("https://terpadu.local/dev").audience("terpadu-api")
                .subject("forged").claim("roles", java.util.Set.of("ADMIN")).claim("region_scope", List.of("19; drop"))
                .jws().sign(readKey());
        given().auth().oauth2(token).get("/api/v1/agencies").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static java.security.PrivateKey readKey() {
        try (var in = DevTokensTest.class.getClassLoader().getResourceAsStream("dev-keys/DEVELOPMENT-ONLY-private.pem")) {
            return io.smallrye.jwt.util.KeyUtils.decodePrivateKey(new String(in.readAllBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void productionRefusesTheDevelopmentKey() {
        String devKey = "dev-keys/DEVELOPMENT-ONLY-public.pem";
        assertThatThrownBy(() -> SecurityStartupCheck.check(true, false, devKey, false, devKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Refusing to start");
        assertThatThrownBy(() -> SecurityStartupCheck.check(true, false, "classpath:" + devKey, false, devKey))
                .isInstanceOf(IllegalStateException.class);
        assertThat(SecurityStartupCheck.check(true, true, devKey, false, devKey))
                .anyMatch(w -> w.contains("DEVELOPMENT TOKENS ARE ENABLED IN PRODUCTION"));
        assertThat(SecurityStartupCheck.check(true, false, "/etc/terpadu/idp.pem", false, devKey)).isEmpty();
        assertThat(SecurityStartupCheck.check(true, false, null, false, devKey))
                .anyMatch(w -> w.contains("No token verification key"));
        assertThat(SecurityStartupCheck.check(false, true, devKey, false, devKey)).isEmpty();
    }
}
