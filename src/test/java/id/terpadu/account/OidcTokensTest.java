package id.terpadu.account;

import static id.terpadu.account.AccountResourceTest.account;
import static id.terpadu.support.Tokens.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import id.terpadu.support.Db;
import id.terpadu.support.OidcServer;
import id.terpadu.support.TestData;

/**
 * Tokens of an OpenID Connect issuer on the allow-list, served by a small provider of the test's own
 * ({@link OidcServer}): the account of the token's issuer and subject gives its rights, whatever the token claims;
 * no account is a 403 that names the subject; an issuer not on the list, a forged or altered token, a wrong audience
 * and an ID token are 401; a rotated key is fetched when a token names it, at most once a second.
 */
@QuarkusTest
@QuarkusTestResource(value = OidcServer.class, restrictToAnnotatedClass = true)
class OidcTokensTest {

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String subject() {
        return UUID.randomUUID().toString();
    }

    private static String createAccount(
            String issuer, String subject, UUID agency, List<String> roles, List<String> scope) {
        return admin().body(account(issuer, subject, agency, roles, scope))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theAccountGivesTheRightsAndNoAccountIsA403ThatNamesTheSubject() {
        OidcServer.Realm realm = OidcServer.realm("allowed");
        String subject = subject();
        // The provider's own roles and groups grant nothing here.
        String token = realm.token(
                subject, Map.of("groups", List.of("ADMIN"), "roles", List.of("ADMIN"), "region_scope", List.of()));
        var before = Db.snapshot();
        bearer(token)
                .header("Accept-Language", "en")
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(subject))
                .body("detail", containsString(realm.issuer()));
        bearer(token).get("/api/v1/agencies").then().statusCode(403).body("detail", containsString(subject));
        bearer(token)
                .body(TestData.agency("Kesbangpol X", "KESBANGPOL", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);

        UUID agency = TestData.createAgency(
                TestData.unique("Kesbangpol Provinsi Kepulauan Bangka Belitung"), "KESBANGPOL", "19");
        String id = createAccount(realm.issuer(), subject, agency, List.of("COORDINATOR"), List.of("19"));
        bearer(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("source", equalTo("account"))
                .body("issuer", equalTo(realm.issuer()))
                .body("roles", equalTo(List.of("COORDINATOR")))
                .body("regionScope", equalTo(List.of("19")));
        // scope honoured: an agency in Bangka Belitung, none in Sumatera Barat
        bearer(token)
                .body(TestData.agency(TestData.unique("Polres Bangka"), "POLRI", "19.01"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);
        bearer(token)
                .body(TestData.agency(TestData.unique("Polres Pariaman"), "POLRI", "13.77"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(403);
        // role honoured: the region import is an ADMIN's
        bearer(token)
                .contentType("text/csv")
                .body("kode\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(403);

        // A COORDINATOR of an identity provider grants nothing beyond its own rights either.
        before = Db.snapshot();
        bearer(token)
                .body(account(realm.issuer(), subject(), agency, List.of("ADMIN"), List.of("19")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(403);
        bearer(token)
                .body(account(realm.issuer(), subject(), agency, List.of("OFFICER"), List.of("13")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(403);
        Db.assertUnchanged(before);
        String officer = subject();
        bearer(token)
                .body(account(realm.issuer(), officer, agency, List.of("OFFICER"), List.of("19.01")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201);
        bearer(realm.token(officer, Map.of()))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("OFFICER")));

        // Deactivated: the same token (verified and cached) is refused on its next request.
        admin().body(Map.of("reason", "Pensiun"))
                .post("/api/v1/accounts/" + id + "/deactivation")
                .then()
                .statusCode(200);
        bearer(token).get("/api/v1/me").then().statusCode(403).body("detail", containsString("dinonaktifkan"));
        admin().post("/api/v1/accounts/" + id + "/reactivation").then().statusCode(200);
        bearer(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void tokensOfOtherIssuersForgedOrAlteredOnesAreRefused() {
        OidcServer.Realm realm = OidcServer.realm("allowed");
        String subject = subject();
        createAccount(realm.issuer(), subject, null, List.of("ANALYST"), List.of());
        String good = realm.token(subject, Map.of());
        bearer(good).get("/api/v1/me").then().statusCode(200);

        // the same subject at an issuer that is not on the allow-list
        OidcServer.Realm other = OidcServer.realm("other");
        assert401(other.token(subject, Map.of()));
        // a token naming the allowed issuer, signed by a key of the other realm under the allowed realm's key id
        RsaJsonWebKey stranger = OidcServer.newKey();
        stranger.setKeyId(realm.current().getKeyId());
        assert401(OidcServer.sign(stranger, realm.claims(subject, Map.of())));
        // an altered payload: the subject of an ADMIN account, the signature of the original
        String adminSubject = subject();
        createAccount(realm.issuer(), adminSubject, null, List.of("ADMIN"), List.of());
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace(subject, adminSubject);
        assert401(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
                + parts[2]);
        // the algorithm none, a wrong audience, an expired token, an ID token
        String unsigned =
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                        + "." + parts[1] + ".";
        assert401(unsigned);
        JwtClaims wrongAudience = realm.claims(subject, Map.of());
        wrongAudience.setAudience("another-api");
        assert401(OidcServer.sign(realm.current(), wrongAudience));
        JwtClaims expired = realm.claims(subject, Map.of());
        expired.setExpirationTimeMinutesInTheFuture(-5);
        assert401(OidcServer.sign(realm.current(), expired));
        assert401(realm.token(subject, Map.of("typ", "ID")));
        bearer(good).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesItAndUnknownKeysCannotHammerTheIssuer() throws Exception {
        OidcServer.Realm realm = OidcServer.realm("allowed");
        String subject = subject();
        createAccount(realm.issuer(), subject, null, List.of("ANALYST"), List.of());
        bearer(realm.token(subject, Map.of())).get("/api/v1/me").then().statusCode(200);

        RsaJsonWebKey old = realm.rotate();
        Thread.sleep(1_100); // the configured shortest time between two fetches of the keys
        bearer(realm.token(subject, Map.of())).get("/api/v1/me").then().statusCode(200);
        // a new token signed by the old key, which the provider no longer publishes
        assert401(OidcServer.sign(old, realm.claims(subject, Map.of())));

        // Forty tokens naming unknown keys fetch the keys at most once per second (the configured interval).
        Thread.sleep(1_100);
        int fetches = realm.jwksFetches.get();
        RsaJsonWebKey unknown = OidcServer.newKey();
        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            unknown.setKeyId(UUID.randomUUID().toString());
            bearer(OidcServer.sign(unknown, realm.claims(subject, Map.of())))
                    .get("/api/v1/me")
                    .then()
                    .statusCode(401);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(realm.jwksFetches.get() - fetches).isBetween(1, 2 + (int) seconds);
        assertThat(40).as("more tokens than seconds").isGreaterThan(4 * (int) (seconds + 1));
        bearer(realm.token(subject, Map.of())).get("/api/v1/me").then().statusCode(200);
    }

    private static void assert401(String token) {
        var before = Db.snapshot();
        bearer(token).get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
        bearer(token)
                .body(TestData.agency("Kesbangpol Y", "KESBANGPOL", "19"))
                .post("/api/v1/agencies")
                .then()
                .statusCode(401);
        Db.assertUnchanged(before);
    }
}
