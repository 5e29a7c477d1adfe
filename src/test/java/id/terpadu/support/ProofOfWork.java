package id.terpadu.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Solves the ALTCHA challenges of GET /api/v1/public/challenge as a browser's widget does: the number whose SHA-256
 * with the salt is the challenge, found by trying them all (the tests keep maxnumber low).
 */
public final class ProofOfWork {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofOfWork() {}

    /** A fresh challenge, solved: what a report's {@code altcha} holds. */
    public static String fresh() {
        Map<String, Object> challenge = given().get("/api/v1/public/challenge")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        return solve(challenge);
    }

    public static String solve(Map<String, Object> challenge) {
        String salt = (String) challenge.get("salt");
        String target = (String) challenge.get("challenge");
        long max = ((Number) challenge.get("maxnumber")).longValue();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long n = 0; n <= max; n++) {
                String hash = HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8)));
                if (hash.equals(target)) {
                    return payload(challenge, n);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no solution up to " + max);
    }

    /** The widget's payload for {@code number}, right or wrong. */
    public static String payload(Map<String, Object> challenge, long number) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", challenge.get("algorithm"));
        payload.put("challenge", challenge.get("challenge"));
        payload.put("number", number);
        payload.put("salt", challenge.get("salt"));
        payload.put("signature", challenge.get("signature"));
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
