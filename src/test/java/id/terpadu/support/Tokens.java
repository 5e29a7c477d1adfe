package id.terpadu.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Development tokens for the tests, minted through the API and cached per identity. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    public static String token(String subject, List<String> roles, List<String> scope, UUID agencyId) {
        String cacheKey = subject + roles + scope + agencyId;
        return CACHE.computeIfAbsent(cacheKey, k -> {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("subject", subject);
            body.put("roles", roles);
            body.put("regionScope", scope);
            if (agencyId != null) {
                body.put("agencyId", agencyId.toString());
            }
            return given().contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/dev/tokens")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("accessToken");
        });
    }

    /** A national administrator. */
    public static RequestSpecification admin() {
        return as("admin.pusat", List.of("ADMIN"), List.of());
    }

    /** A coordinator (Kesbangpol secretariat) of the given regions. */
    public static RequestSpecification coordinator(String... regions) {
        return as("coordinator." + String.join("-", regions), List.of("COORDINATOR"), List.of(regions));
    }

    public static RequestSpecification analyst(String... regions) {
        return as("analyst." + String.join("-", regions), List.of("ANALYST"), List.of(regions));
    }

    public static RequestSpecification as(String subject, List<String> roles, List<String> scope) {
        return given().auth().oauth2(token(subject, roles, scope, null)).contentType(ContentType.JSON);
    }

    /** A caller speaking for an agency (claim agency_id), e.g. for CONFIDENTIAL clearance. */
    public static RequestSpecification as(String subject, List<String> roles, List<String> scope, UUID agencyId) {
        return given().auth().oauth2(token(subject, roles, scope, agencyId)).contentType(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }
}
