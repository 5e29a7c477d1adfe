package id.terpadu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.retry.Backoff;

/** The rules of webhooks that need no server: target addresses, signatures, backoff. */
class WebhookUnitTest {

    static ProblemException refused(String url, boolean allowPrivate) {
        return catchThrowableOfType(ProblemException.class, () -> TargetUrls.check(url, allowPrivate, "url"));
    }

    @Test
    void nonPublicTargetsAreRefusedUnlessTheDevelopmentFlagIsOn() {
        for (String url : List.of(
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.10/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://0.0.0.0/hook",
                "https://100.64.0.1/hook",
                "https://[::1]/hook",
                "https://[fe80::1]/hook",
                "https://[fd12:3456::1]/hook",
                "https://[::]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[2002:7f00:1::1]/hook",
                "https://224.0.0.1/hook",
                "https://255.255.255.255/hook")) {
            ProblemException e = refused(url, false);
            assertThat(e).as(url).isNotNull();
            assertThat(e.type()).as(url).isEqualTo(ProblemType.VALIDATION);
            assertThat(e.type().status()).isEqualTo(400);
            assertThat(e.errors().get(0).field()).isEqualTo("url");
            assertThatCode(() -> TargetUrls.check(url.replace("https:", "http:"), true, "url"))
                    .as(url)
                    .doesNotThrowAnyException();
        }
        assertThat(refused("http://93.184.216.34/hook", false).getMessage()).contains("https");
        assertThat(refused("ftp://93.184.216.34/hook", true)).isNotNull();
        assertThat(refused("https://user:pw@93.184.216.34/hook", true).getMessage())
                .contains("credentials");
        assertThat(refused("https://93.184.216.34/hook#x", true)).isNotNull();
        assertThat(refused("/relative/hook", true)).isNotNull();
        assertThat(refused("https://no-such-host.invalid/hook", true).getMessage())
                .contains("cannot be resolved");
        assertThatCode(() -> TargetUrls.check("https://93.184.216.34/hook?x=1", false, "url"))
                .doesNotThrowAnyException();
        assertThatCode(() -> TargetUrls.check("https://[2001:db8::1]:8443/hook", false, "url"))
                .doesNotThrowAnyException();
    }

    @Test
    void signaturesFollowStandardWebhooks() {
        // the test vector of the Standard Webhooks specification
        assertThat(Signatures.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}".getBytes()))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        String secret = Signatures.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(Signatures.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.after(1, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(backoff.after(2, random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(backoff.after(5, random)).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(480));
            assertThat(backoff.after(12, random)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
            assertThat(backoff.after(1000, random)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
    }
}
