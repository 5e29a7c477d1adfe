package id.terpadu.common.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import id.terpadu.apikey.ApiKeyResourceTest;
import id.terpadu.incident.IncidentResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Every kind of bad credential is a 401 problem with a challenge, on a read and on a write, and the write leaves the
 * database as it was. The bad tokens are built here from the DEVELOPMENT-ONLY key pair (and a fresh RSA key for a
 * token of another issuer's key).
 *
 * <p>Missing claims: no {@code sub} is a 401 (every change is logged under the subject; a token naming nobody is not
 * accepted, even with {@code upn}); no {@code exp} is a 401 (a token must end); no {@code roles} claim is a 401 (a
 * token not made for this API), while an explicit empty {@code roles} list is a valid token that grants nothing: 403.
 * No {@code region_scope} is a 401 as well (see DevTokensTest). Revoked and expired API keys are read-tested in
 * ApiKeyResourceTest; here they attempt a write.
 */
@QuarkusTest
class AuthenticationTest {

    private static final String ISSUER = "https://terpadu.local/dev";
    private static final String AUDIENCE = "terpadu-api";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, String> before;

    @BeforeEach
    void snapshot() {
        TestData.ensureRegions();
        before = Db.snapshot();
    }

    /** A token that would be accepted, so that each case differs from it in one thing only. */
    private static JwtClaimsBuilder valid() {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("auth.test")
                .claim("roles", List.of("ADMIN"))
                .claim("region_scope", List.of())
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
    }

    private static PrivateKey developmentKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of("src/dev-keys/DEVELOPMENT-ONLY-private.pem")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims as JSON, from a token the development key signs (so that only header and signature change). */
    private static String payloadOf(String token) {
        return token.split("\\.")[1];
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String b64(Map<String, Object> json) {
        try {
            return b64(JSON.writeValueAsBytes(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refused on a read and on a write, with a problem and a challenge; the write wrote nothing. */
    private void refused(String authorization) {
        RequestSpecification read = given().header("Authorization", authorization);
        boolean bearer = authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        read.get("/api/v1/agencies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                // a token that was sent and failed is invalid_token (RFC 6750 §3.1); another scheme is no token
                .header(
                        "WWW-Authenticate",
                        bearer
                                ? org.hamcrest.Matchers.containsString("error=\"invalid_token\"")
                                : org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("error=")))
                .body(
                        "detail",
                        equalTo(id.terpadu.common.error.Message.of(
                                        bearer ? "auth.token-invalid" : "auth.token-required")
                                .in("id")))
                .body("type", equalTo("urn:terpadu:problem:unauthorized"));
        given().header("Authorization", authorization)
                .contentType(ContentType.JSON)
                .body(TestData.agency(TestData.unique("Polres Bangka"), "POLRI", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        Db.assertUnchanged(before);
    }

    private void refusedToken(String token) {
        refused("Bearer " + token);
    }

    @Test
    void theReferenceTokenIsAccepted() {
        // the cases below differ from this one in one thing each: without it they would prove nothing
        given().auth()
                .oauth2(valid().jws().sign(developmentKey()))
                .get("/api/v1/agencies")
                .then()
                .statusCode(200);
    }

    @Test
    void expiredToken() {
        refusedToken(valid().issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .jws()
                .sign(developmentKey()));
    }

    /** The service's own tokens get the 30 s of clock difference an identity provider's get, not a minute. */
    @Test
    void aTokenExpiredLongerThanTheClockDifferenceIsRefused() {
        refusedToken(valid().issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(45))
                .jws()
                .sign(developmentKey()));
        given().auth()
                .oauth2(valid().issuedAt(Instant.now().minusSeconds(600))
                        .expiresAt(Instant.now().minusSeconds(10))
                        .jws()
                        .sign(developmentKey()))
                .get("/api/v1/agencies")
                .then()
                .statusCode(200);
    }

    @Test
    void notYetValidToken() {
        refusedToken(valid().claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .jws()
                .sign(developmentKey()));
    }

    @Test
    void wrongIssuer() {
        refusedToken(valid().issuer("https://sso.example/realms/other").jws().sign(developmentKey()));
    }

    @Test
    void wrongAudience() {
        refusedToken(valid().audience("another-api").jws().sign(developmentKey()));
    }

    @Test
    void unsignedTokenWithAlgNone() {
        String payload = payloadOf(valid().jws().sign(developmentKey()));
        refusedToken(b64(Map.of("alg", "none", "typ", "JWT")) + "." + payload + ".");
        refusedToken(b64(Map.of("alg", "none", "typ", "JWT")) + "." + payload);
        refusedToken(b64(Map.of("alg", "NONE", "typ", "JWT")) + "." + payload + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecret() throws Exception {
        String pem = Files.readString(Path.of("src/dev-keys/DEVELOPMENT-ONLY-public.pem"));
        byte[] der = KeyUtils.decodePublicKey(pem).getEncoded();
        String payload = payloadOf(valid().jws().sign(developmentKey()));
        for (byte[] secret :
                List.of(pem.getBytes(StandardCharsets.UTF_8), pem.trim().getBytes(StandardCharsets.UTF_8), der)) {
            String signingInput = b64(Map.of("alg", "HS256", "typ", "JWT")) + "." + payload;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            refusedToken(signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void tokenSignedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refusedToken(valid().jws().sign(generator.generateKeyPair().getPrivate()));
        // the same, claiming the development key's id
        refusedToken(valid().jws()
                .keyId("DEVELOPMENT-ONLY")
                .sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void tokenWithoutSubject() {
        Map<String, Object> claims = claims(valid());
        claims.remove("sub");
        refusedToken(Jwt.claims(claims).jws().sign(developmentKey()));
        claims.put("upn", "auth.test@terpadu.local");
        refusedToken(Jwt.claims(claims).jws().sign(developmentKey()));
    }

    @Test
    void tokenWithoutExpiry() {
        Map<String, Object> claims = claims(valid());
        claims.remove("exp");
        // the builder adds an expiry of its own unless told the token lives "for ever": sign it by hand
        refusedToken(signedByHand(claims));
    }

    @Test
    void tokenWithoutRoles() {
        Map<String, Object> claims = claims(valid());
        claims.remove("roles");
        refusedToken(Jwt.claims(claims).jws().sign(developmentKey()));
        // an explicit empty list is a token of this API that grants nothing: authenticated, and forbidden
        claims.put("roles", List.of());
        String empty = Jwt.claims(claims).jws().sign(developmentKey());
        given().auth()
                .oauth2(empty)
                .get("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(empty)
                .contentType(ContentType.JSON)
                .body(TestData.agency("Polres Bangka", "POLRI", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        Db.assertUnchanged(before);
    }

    @Test
    void malformedTokens() {
        String good = valid().jws().sign(developmentKey());
        for (String bad : List.of(
                "garbage",
                "a.b.c",
                "....",
                good.substring(0, good.length() - 10),
                good.replace('.', '!'),
                good + "." + good,
                "e30.e30.e30")) {
            refusedToken(bad);
        }
        refused("Bearer");
        refused("Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void revokedAndExpiredApiKeysCannotWrite() {
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var created = Tokens.coordinator("13")
                    .body(ApiKeyResourceTest.key(
                            agency, List.of("13.77"), List.of("read", "incidents:write"), "RESTRICTED"))
                    .post("/api/v1/api-keys")
                    .then()
                    .statusCode(201)
                    .extract();
            keys.add(created.path("key"));
            ApiKeyResourceTest.withKey(created.path("key"))
                    .body(IncidentResourceTest.incident("Laporan lapangan", "13.77"))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(201);
            if (i == 0) {
                Tokens.coordinator("13")
                        .body(Map.of("reason", "Ponsel hilang"))
                        .post("/api/v1/api-keys/{id}/revocation", (String) created.path("apiKey.id"))
                        .then()
                        .statusCode(200);
            } else {
                Db.execute("update api_key set expires_at = now() - interval '1 second' where key_hash = '"
                        + ApiKeyAuthentication.hash(created.path("key")) + "'");
            }
        }
        before = Db.snapshot();
        for (String key : keys) {
            ApiKeyResourceTest.withKey(key)
                    .body(IncidentResourceTest.incident("Laporan dengan kunci mati", "13.77"))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
            given().header("Authorization", "ApiKey " + key)
                    .contentType(ContentType.JSON)
                    .body(IncidentResourceTest.incident("Laporan dengan kunci mati", "13.77"))
                    .post("/api/v1/incidents")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body(
                            "detail",
                            equalTo(id.terpadu.common.error.Message.of("auth.api-key-invalid")
                                    .in("id")))
                    // a bearer token would do as well, and so would a valid key; the key failed, not the token
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"terpadu\", ApiKey realm=\"terpadu\""));
        }
        Db.assertUnchanged(before);
    }

    private static Map<String, Object> claims(JwtClaimsBuilder builder) {
        try {
            String token = builder.jws().sign(developmentKey());
            @SuppressWarnings("unchecked")
            Map<String, Object> claims =
                    JSON.readValue(Base64.getUrlDecoder().decode(payloadOf(token)), LinkedHashMap.class);
            return claims;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signedByHand(Map<String, Object> claims) {
        try {
            String signingInput = b64(Map.of("alg", "RS256", "typ", "JWT")) + "." + b64(claims);
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(developmentKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
