package id.terpadu.account;

import static id.terpadu.support.Tokens.admin;
import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import id.terpadu.apikey.ApiKeyResourceTest;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.Tokens;

/**
 * Accounts: an account's rights replace its token's claims on the next request, a deactivation refuses the next
 * request, a COORDINATOR grants nothing beyond its own rights, email and phone stay out of the change log.
 */
@QuarkusTest
public class AccountResourceTest {

    public static final String DEV_ISSUER = "https://terpadu.local/dev";

    public static Map<String, Object> account(
            String issuer, String subject, UUID agency, List<String> roles, List<String> scope) {
        Map<String, Object> body = new HashMap<>();
        body.put("issuer", issuer);
        body.put("subject", subject);
        body.put("name", "Rahmat Hidayat");
        if (agency != null) {
            body.put("agencyId", agency.toString());
        }
        body.put("roles", roles);
        body.put("regionScope", scope);
        body.put("email", "rahmat.hidayat@kesbangpol.example");
        body.put("phone", "+62 812 6600 1234");
        return body;
    }

    static String subject(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void anAccountsRightsReplaceTheTokensClaimsFromTheNextRequest() {
        UUID agency = TestData.createAgency(TestData.unique("Polres Pangkal Pinang"), "POLRI", "19.71");
        String subject = subject("acc.officer");
        // The token claims a national ADMIN; the account gives an OFFICER of Bangka Belitung.
        String token = Tokens.token(subject, List.of("ADMIN"), List.of(), null);
        bearer(token).get("/api/v1/me").then().statusCode(200).body("source", equalTo("token"));

        var created = admin().body(account(DEV_ISSUER, subject, agency, List.of("OFFICER"), List.of("19")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .body("active", equalTo(true))
                .body("regionCode", equalTo("19.71"))
                .body("email", equalTo("rahmat.hidayat@kesbangpol.example"))
                .body("language", equalTo("id"))
                .extract();
        String id = created.path("id");

        bearer(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("source", equalTo("account"))
                .body("roles", equalTo(List.of("OFFICER")))
                .body("regionScope", equalTo(List.of("19")))
                .body("agencyId", equalTo(agency.toString()))
                .body("account.id", equalTo(id));
        bearer(token)
                .contentType("text/csv")
                .body("kode\n")
                .post("/api/v1/regions/import")
                .then()
                .statusCode(403);

        // roles changed: the same token is an ANALYST on its next request
        Map<String, Object> analyst = account(DEV_ISSUER, subject, agency, List.of("ANALYST"), List.of("19"));
        admin().header("If-Match", "\"0\"")
                .body(analyst)
                .put("/api/v1/accounts/" + id)
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("ANALYST")));
        bearer(token).get("/api/v1/me").then().statusCode(200).body("roles", equalTo(List.of("ANALYST")));
        admin().header("If-Match", "\"0\"")
                .body(analyst)
                .put("/api/v1/accounts/" + id)
                .then()
                .statusCode(412);

        // deactivated: the next request is refused saying so, whatever the operation
        admin().body(Map.of("reason", "Pindah tugas"))
                .post("/api/v1/accounts/" + id + "/deactivation")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deactivationReason", equalTo("Pindah tugas"));
        bearer(token)
                .header("Accept-Language", "en")
                .get("/api/v1/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("deactivated"));
        bearer(token).get("/api/v1/agencies").then().statusCode(403).body("detail", containsString("dinonaktifkan"));
        admin().body(Map.of())
                .post("/api/v1/accounts/" + id + "/deactivation")
                .then()
                .statusCode(409);

        admin().post("/api/v1/accounts/" + id + "/reactivation")
                .then()
                .statusCode(200)
                .body("active", equalTo(true));
        bearer(token).get("/api/v1/agencies").then().statusCode(200);
        admin().post("/api/v1/accounts/" + id + "/reactivation").then().statusCode(409);

        // the history keeps every version with email and phone masked
        admin().get("/api/v1/accounts/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(4))
                .body("items[0].snapshot.email", equalTo("r***@kesbangpol.example"))
                .body("items[0].snapshot.phone", equalTo("*****************"))
                .body("items[2].snapshot.active", equalTo(false));
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = ?::uuid and cast(snapshot as text) like '%rahmat.hidayat%'",
                        id))
                .isZero();
    }

    @Test
    void aCoordinatorGrantsNothingBeyondItsOwnRights() {
        UUID pariaman = TestData.createAgency(TestData.unique("Kesbangpol Kota Pariaman"), "KESBANGPOL", "13.77");
        UUID belitung = TestData.createAgency(TestData.unique("Kesbangpol Belitung"), "KESBANGPOL", "19.02");
        RequestSpecification sumbar = coordinator("13");
        var before = Db.snapshot();
        for (Map<String, Object> body : List.of(
                account(DEV_ISSUER, subject("x"), pariaman, List.of("ADMIN"), List.of("13.77")),
                account(DEV_ISSUER, subject("x"), pariaman, List.of("OFFICER"), List.of("19")),
                account(DEV_ISSUER, subject("x"), pariaman, List.of("OFFICER"), List.of()),
                account(DEV_ISSUER, subject("x"), null, List.of("OFFICER"), List.of("13")))) {
            given().spec(coordinator("13"))
                    .body(body)
                    .post("/api/v1/accounts")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        // an agency outside the scope is one the coordinator cannot see: the field is invalid, as for any record named
        coordinator("13")
                .body(account(DEV_ISSUER, subject("x"), belitung, List.of("OFFICER"), List.of("13")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agencyId"));
        sumbar.body(account(DEV_ISSUER, subject("x"), pariaman, List.of("INTEGRATION"), List.of("13")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("roles[0]"));
        coordinator("13")
                .body(account(
                        "https://sso.elsewhere.example/realms/x",
                        subject("x"),
                        pariaman,
                        List.of("OFFICER"),
                        List.of("13")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("issuer"));
        Db.assertUnchanged(before);

        String subject = subject("acc.pariaman");
        String own = coordinator("13")
                .body(account(DEV_ISSUER, subject, pariaman, List.of("COORDINATOR", "OFFICER"), List.of("13.77")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        coordinator("13")
                .body(account(DEV_ISSUER, subject, pariaman, List.of("OFFICER"), List.of("13.77")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(409);
        // an ADMIN of the same region's account is not the coordinator's to change
        String adminAccount = admin().body(
                        account(DEV_ISSUER, subject("acc.admin13"), pariaman, List.of("ADMIN"), List.of("13")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        coordinator("13")
                .body(Map.of())
                .post("/api/v1/accounts/" + adminAccount + "/deactivation")
                .then()
                .statusCode(403);
        String other = admin().body(
                        account(DEV_ISSUER, subject("acc.belitung"), belitung, List.of("OFFICER"), List.of("19.02")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String national = admin().body(account(DEV_ISSUER, subject("acc.pusat"), null, List.of("ANALYST"), List.of()))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        coordinator("13").get("/api/v1/accounts/" + other).then().statusCode(404);
        coordinator("13").get("/api/v1/accounts/" + national).then().statusCode(404);
        coordinator("13")
                .get("/api/v1/accounts/" + own)
                .then()
                .statusCode(200)
                .body("personalDataVisible", equalTo(true));
        coordinator("13")
                .queryParam("limit", 200)
                .get("/api/v1/accounts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(own))
                .body("items.id", not(hasItem(other)))
                .body("items.id", not(hasItem(national)));
        admin().queryParam("role", "ANALYST")
                .queryParam("active", "true")
                .queryParam("q", "rahmat")
                .queryParam("limit", 200)
                .get("/api/v1/accounts")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(national))
                .body("items.id", not(hasItem(own)));
    }

    @Test
    void meAnswersForTokensKeysAndRefusesNobodyAnonymous() {
        admin().get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("source", equalTo("token"))
                .body("issuer", equalTo(DEV_ISSUER))
                .body("roles", equalTo(List.of("ADMIN")))
                .body("regionScope", equalTo(List.of()))
                .body("account", nullValue());
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Sumbar"), "KESBANGPOL", "13");
        String key = Tokens.admin()
                .body(ApiKeyResourceTest.key(agency, List.of("13"), List.of("read"), "RESTRICTED"))
                .post("/api/v1/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        ApiKeyResourceTest.withKey(key)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("source", equalTo("api-key"))
                .body("regionScope", equalTo(List.of("13")))
                .body("agencyId", equalTo(agency.toString()));
        given().get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void nobodyDeactivatesTheirOwnAccount() {
        String subject = subject("acc.self");
        String id = admin().body(account(DEV_ISSUER, subject, null, List.of("ADMIN"), List.of()))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var before = Db.snapshot();
        bearer(Tokens.token(subject, List.of("ADMIN"), List.of(), null))
                .body(Map.of())
                .post("/api/v1/accounts/" + id + "/deactivation")
                .then()
                .statusCode(409);
        Db.assertUnchanged(before);
    }

    /** The ETag version of an account, read as the ADMIN who manages it. */
    private static String version(String id) {
        return admin().get("/api/v1/accounts/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    @Test
    void anAccountFollowsItsAgencyToAnotherRegion() {
        UUID polres = TestData.createAgency(TestData.unique("Polres Pangkal Pinang"), "POLRI", "19.71");
        UUID neighbour = TestData.createAgency(TestData.unique("Kodim Pangkal Pinang"), "TNI", "19.71");
        String liaisonSubject = subject("acc.liaison");
        String liaison = admin().body(account(DEV_ISSUER, liaisonSubject, polres, List.of("OFFICER"), List.of("19.71")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String widerSubject = subject("acc.wider");
        String wider = admin().body(account(DEV_ISSUER, widerSubject, polres, List.of("ANALYST"), List.of("19")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = admin().body(
                        account(DEV_ISSUER, subject("acc.kodim"), neighbour, List.of("OFFICER"), List.of("19.71")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String liaisonToken = Tokens.token(liaisonSubject, List.of("OFFICER"), List.of("19.71"), null);
        String widerToken = Tokens.token(widerSubject, List.of("ANALYST"), List.of("19"), null);
        RequestSpecification babel = coordinator("19");
        coordinator("13").get("/api/v1/agencies").then().statusCode(200);

        // A move the caller may not make, or to a region that does not exist, moves no account either.
        var before = Db.snapshot();
        babel.header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("regionCode", "13.77"))
                .patch("/api/v1/agencies/" + polres)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        admin().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("regionCode", "19.99"))
                .patch("/api/v1/agencies/" + polres)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        admin().header("If-Match", "\"7\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("regionCode", "13.77"))
                .patch("/api/v1/agencies/" + polres)
                .then()
                .statusCode(412);
        Db.assertUnchanged(before);

        // A change that keeps the region changes no account.
        admin().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("name", TestData.unique("Polres Kota Pangkal Pinang")))
                .patch("/api/v1/agencies/" + polres)
                .then()
                .statusCode(200);
        assertThat(List.of(version(liaison), version(wider), version(other)))
                .containsExactly("\"0\"", "\"0\"", "\"0\"");

        // The move: in the same transaction, the agency's accounts lie in the new region, and the one whose scope was
        // the agency's region has the new one.
        admin().header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("regionCode", "13.77"))
                .patch("/api/v1/agencies/" + polres)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("13.77"));
        bearer(liaisonToken)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("regionScope", equalTo(List.of("13.77")))
                .body("account.regionCode", equalTo("13.77"))
                .body("account.regionScope", equalTo(List.of("13.77")));
        bearer(liaisonToken).get("/api/v1/agencies/" + polres).then().statusCode(200);
        bearer(liaisonToken).get("/api/v1/agencies/" + neighbour).then().statusCode(404);
        // a scope set apart from the agency (the province, for a kabupaten/kota's Polres) stays as it was
        bearer(widerToken)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("regionScope", equalTo(List.of("19")))
                .body("account.regionCode", equalTo("13.77"));
        assertThat(version(other)).isEqualTo("\"0\"");
        // who manages the accounts follows their region
        coordinator("19").get("/api/v1/accounts/" + liaison).then().statusCode(404);
        coordinator("13").get("/api/v1/accounts/" + liaison).then().statusCode(200);
        admin().get("/api/v1/accounts/" + liaison + "/history")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[1].version", equalTo(1))
                .body("items[1].actor", equalTo("admin.pusat"))
                .body("items[1].snapshot.regionCode", equalTo("13.77"))
                .body("items[1].snapshot.regionScope", equalTo(List.of("13.77")))
                .body("items[1].snapshot.email", equalTo("r***@kesbangpol.example"));
        assertThat(Db.count(
                        "select count(*) from change_log where entity_id = ?::uuid and cast(snapshot as text) like '%rahmat.hidayat%'",
                        liaison))
                .isZero();
    }

    @Test
    void aPersonsReadOfTheirOwnContactIsInTheAccessLog() {
        UUID agency = TestData.createAgency(TestData.unique("Kesbangpol Kota Padang"), "KESBANGPOL", "13.71");
        String subject = subject("acc.me");
        String id = admin().body(account(DEV_ISSUER, subject, agency, List.of("OFFICER"), List.of("13.71")))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String token = Tokens.token(subject, List.of("OFFICER"), List.of("13.71"), null);
        String reads =
                "select count(*) from personal_data_access where entity_type = 'account' and entity_id = ?::uuid "
                        + "and actor = ? and method = 'GET' and path = '/api/v1/me' and region_code = '13.71'";
        assertThat(Db.count(reads, id, subject)).isZero();

        bearer(token)
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("account.email", equalTo("rahmat.hidayat@kesbangpol.example"))
                .body("account.personalDataVisible", equalTo(true));
        assertThat(Db.count(reads, id, subject)).isEqualTo(1);
        bearer(token).get("/api/v1/me").then().statusCode(200);
        assertThat(Db.count(reads, id, subject)).isEqualTo(2);
        // the ADMIN reads it in the access log, by the account's id
        admin().queryParam("entityId", id)
                .queryParam("actor", subject)
                .get("/api/v1/personal-data-access")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].entityType", equalTo("account"))
                .body("items[0].path", equalTo("/api/v1/me"));

        // an account without email or phone shows no personal data, so nothing is recorded
        String bareSubject = subject("acc.bare");
        Map<String, Object> bare = account(DEV_ISSUER, bareSubject, agency, List.of("OFFICER"), List.of("13.71"));
        bare.remove("email");
        bare.remove("phone");
        String bareId = admin().body(bare)
                .post("/api/v1/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        bearer(Tokens.token(bareSubject, List.of("OFFICER"), List.of("13.71"), null))
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("account.id", equalTo(bareId));
        assertThat(Db.count(
                        "select count(*) from personal_data_access where entity_id = ?::uuid and actor = ?",
                        bareId,
                        bareSubject))
                .isZero();
        // nor for a token without an account
        long all = Db.count("select count(*) from personal_data_access");
        admin().get("/api/v1/me").then().statusCode(200).body("account", nullValue());
        assertThat(Db.count("select count(*) from personal_data_access")).isEqualTo(all);
    }
}
