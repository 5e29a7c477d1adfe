package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import id.terpadu.support.Db;

@QuarkusTest
class DevTokensTest {

    @Test
    void mintsATokenTheApiAccepts() {
        String token = given().contentType("application/json")
                .body(Map.of(
                        "subject",
                        "kesbangpol.babel",
                        "name",
                        "Sekretariat Babel",
                        "roles",
                        List.of("COORDINATOR"),
                        "regionScope",
                        List.of("19"),
                        "ttlMinutes",
                        30))
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(201)
                .body("tokenType", equalTo("Bearer"))
                .body("roles", hasItem("COORDINATOR"))
                .body("regionScope", hasItem("19"))
                .extract()
                .path("accessToken");
        given().auth().oauth2(token).get("/api/v1/agencies").then().statusCode(200);
    }

    @Test
    void refusesBadRequests() {
        var before = Db.snapshot();
        given().contentType("application/json")
                .body(Map.of("subject", "x", "roles", List.of("GOD")))
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(400)
                .body("allowed", hasItem("ADMIN"));
        given().contentType("application/json")
                .body(Map.of("subject", "x", "roles", List.of()))
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("roles"));
        given().contentType("application/json")
                .body(Map.of("subject", "x", "roles", List.of("ADMIN"), "regionScope", List.of("Babel")))
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body(Map.of("subject", "x", "roles", List.of("ADMIN"), "ttlMinutes", 100000))
                .post("/api/v1/dev/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("ttlMinutes"));
        Db.assertUnchanged(before);
    }

    @Test
    void tokenWithAMalformedScopeIsRefused() {
        String token = forge(Map.of("roles", Set.of("ADMIN"), "region_scope", List.of("19; drop")));
        given().auth()
                .oauth2(token)
                .get("/api/v1/agencies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @jakarta.inject.Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void verifiedTokensAreCachedByTheParserInUse() throws Exception {
        assertThat(parser).isInstanceOf(VerifiedTokenCache.class);
        String token = forge(Map.of("roles", Set.of("ANALYST"), "region_scope", List.of()));
        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void claimsReadThroughTheCacheAreTheTokensOwn() throws Exception {
        VerifiedTokenCache cache = (VerifiedTokenCache) parser;
        String token = forge(Map.of(
                "roles",
                Set.of("OFFICER"),
                "region_scope",
                List.of("13.77"),
                "agency_id",
                "0b1e6c0e-4a7e-4f61-9d0a-3f5f2c1d9e01"));
        var jwt = cache.parse(token);
        for (int i = 0; i < 2; i++) { // the first read fills the memo, the second is served from it
            assertThat(String.valueOf(cache.claim(jwt, Caller.CLAIM_AGENCY)))
                    .contains("0b1e6c0e-4a7e-4f61-9d0a-3f5f2c1d9e01");
            assertThat(String.valueOf(cache.claim(jwt, Caller.CLAIM_SCOPE))).contains("13.77");
            assertThat(cache.claim(jwt, Caller.CLAIM_CLIENT)).isNull();
        }
        // a token this cache did not verify is read directly, never mixed up with a verified one
        var other = cache.parseOnly(forge(Map.of("roles", Set.of("ANALYST"), "region_scope", List.of("19"))));
        assertThat(String.valueOf(cache.claim(other, Caller.CLAIM_SCOPE)))
                .contains("19")
                .doesNotContain("13.77");
        var sameText = cache.parseOnly(token);
        assertThat(sameText).isNotSameAs(jwt);
        assertThat(String.valueOf(cache.claim(sameText, Caller.CLAIM_SCOPE))).contains("13.77");
    }

    @Test
    void expiredAndTamperedTokensAreRefusedEvenAfterAGoodOne() {
        String good = forge(Map.of("roles", Set.of("ANALYST"), "region_scope", List.of()));
        given().auth().oauth2(good).get("/api/v1/agencies").then().statusCode(200);
        given().auth().oauth2(good).get("/api/v1/agencies").then().statusCode(200);
        String tampered =
                good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        given().auth().oauth2(tampered).get("/api/v1/agencies").then().statusCode(401);
        String expired = Jwt.issuer("https://terpadu.local/dev")
                .audience("terpadu-api")
                .subject("late")
                .claim("roles", Set.of("ANALYST"))
                .claim("region_scope", List.of())
                .issuedAt(java.time.Instant.now().minusSeconds(7200))
                .expiresAt(java.time.Instant.now().minusSeconds(3600))
                .jws()
                .sign(readKey());
        given().auth().oauth2(expired).get("/api/v1/agencies").then().statusCode(401);
        given().auth().oauth2(expired).get("/api/v1/agencies").then().statusCode(401);
    }

    @Test
    void tokenWithoutAScopeClaimIsNotNational() {
        var before = Db.snapshot();
        String token = forge(Map.of("roles", Set.of("ADMIN")));
        given().auth()
                .oauth2(token)
                .get("/api/v1/agencies")
                .then()
                .statusCode(401)
                .body("detail", containsString("region_scope"));
        given().auth().oauth2(token).get("/api/v1/reference").then().statusCode(401);
        given().auth()
                .oauth2(token)
                .contentType("text/csv")
                .body("kode,nama\n19.05,Kabupaten Bangka Selatan\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(401);
        Db.assertUnchanged(before);
        // an explicit empty list is the national scope
        given().auth()
                .oauth2(forge(Map.of("roles", Set.of("ANALYST"), "region_scope", List.of())))
                .get("/api/v1/agencies")
                .then()
                .statusCode(200);
    }

    private static String forge(Map<String, Object> claims) {
        var builder =
                Jwt.issuer("https://terpadu.local/dev").audience("terpadu-api").subject("forged");
        claims.forEach(builder::claim);
        return builder.jws().sign(readKey());
    }

    private static PrivateKey readKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("src/dev-keys/DEVELOPMENT-ONLY-private.pem")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void productionRefusesTheDevelopmentKey() throws Exception {
        assertThatThrownBy(() -> SecurityStartupCheck.check(true, false, true, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start");
        assertThat(SecurityStartupCheck.check(true, true, true, true))
                .anyMatch(w -> w.contains("DEVELOPMENT TOKENS ARE ENABLED"));
        assertThat(SecurityStartupCheck.check(true, false, true, false)).isEmpty();
        assertThat(SecurityStartupCheck.check(true, false, false, false))
                .anyMatch(w -> w.contains("No token verification key"));
        assertThat(SecurityStartupCheck.check(false, true, true, true)).isEmpty();
    }

    @Test
    void theDevelopmentKeyIsRecognisedByItsMaterialWhereverItIsCopied() throws Exception {
        String dev = Files.readString(Path.of("src/dev-keys/DEVELOPMENT-ONLY-public.pem"));
        assertThat(SecurityStartupCheck.isDevelopmentKey(dev)).isTrue();
        assertThat(SecurityStartupCheck.isDevelopmentKey(dev.replace("\n", "\r\n")))
                .isTrue();
        var other = java.security.KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        String otherPem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder()
                        .encodeToString(other.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThat(SecurityStartupCheck.isDevelopmentKey(otherPem)).isFalse();
        assertThat(SecurityStartupCheck.isDevelopmentKey(null)).isFalse();
    }

    @Test
    void thePrivateKeyIsNotPackaged() {
        assertThat(getClass().getClassLoader().getResource("dev-keys/DEVELOPMENT-ONLY-private.pem"))
                .isNull();
        assertThat(getClass().getClassLoader().getResource("src/dev-keys/DEVELOPMENT-ONLY-private.pem"))
                .isNull();
    }
}
