package id.terpadu.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/**
 * Webhook signatures as the Standard Webhooks specification defines them (standardwebhooks.com): {@code v1,} and
 * base64 HMAC-SHA256 over {@code msgId.timestamp.body}, keyed with the base64-decoded part of a {@code whsec_} secret.
 * The vector is the one the specification's reference libraries test against (e.g. {@code verifyWebhookSignWorks}
 * in its Java library), so any of those libraries verifies what this service sends. No Quarkus boot.
 */
class SignaturesTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSpecificationsTestVector() {
        assertThat(Signatures.sign(SECRET, MSG_ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void everySignedPartChangesTheSignature() {
        assertThat(Signatures.sign(SECRET, "msg_p5jXN8AQM9LWM0D4loKWxJel", TIMESTAMP, BODY))
                .isNotEqualTo(EXPECTED);
        assertThat(Signatures.sign(SECRET, MSG_ID, TIMESTAMP + 1, BODY)).isNotEqualTo(EXPECTED);
        assertThat(Signatures.sign(
                        SECRET, MSG_ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(EXPECTED);
        assertThat(Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx", MSG_ID, TIMESTAMP, BODY))
                .isNotEqualTo(EXPECTED);
    }

    @Test
    void theBodyIsSignedByteForByteNotAsJson() {
        // the same JSON with other white space is another message: receivers must verify the raw body
        byte[] compact = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.sign(SECRET, MSG_ID, TIMESTAMP, compact)).isNotEqualTo(EXPECTED);
        assertThat(Signatures.sign(SECRET, MSG_ID, TIMESTAMP, new byte[0]))
                .startsWith("v1,")
                .hasSize(3 + 44);
    }

    @Test
    void theSignedContentIsIdDotTimestampDotBody() {
        // an independent HMAC over the spec's layout agrees with the service for a body outside ASCII
        byte[] body = "{\"nama\":\"Désa Ñ 🌾\"}".getBytes(StandardCharsets.UTF_8);
        String id = "3f1e9c52-7c1a-4c7e-9a8e-0c2d1e5f6a7b";
        long timestamp = 1_735_689_600L;
        assertThat(Signatures.sign(SECRET, id, timestamp, body))
                .isEqualTo("v1," + hmac(SECRET, id + "." + timestamp + ".", body));
    }

    @Test
    void aNewSecretIsWhsecAnd32RandomBytesInStandardBase64() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = Signatures.newSecret();
            assertThat(secret).startsWith("whsec_").hasSize(6 + 44).matches("whsec_[A-Za-z0-9+/]{43}=");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            secrets.add(secret);
        }
        assertThat(secrets).hasSize(200);
        // and it signs: a fresh secret gives a signature of the same shape
        assertThat(Signatures.sign(secrets.iterator().next(), MSG_ID, TIMESTAMP, BODY))
                .matches("v1,[A-Za-z0-9+/]{43}=");
    }

    private static String hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
