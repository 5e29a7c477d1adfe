package id.terpadu.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.altcha.altcha.Altcha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.scheduler.Scheduled;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.security.SecurityConfig;
import id.terpadu.intake.IntakeDtos.ChallengeResponse;

/**
 * The proof of work of a public submission, without any outside service: an ALTCHA challenge (v1: find the number
 * below {@code maxnumber} whose SHA-256 with the salt is the challenge), signed with the server's secret and expiring
 * after {@code terpadu.intake.altcha.expiry}. A solution is redeemed once: its signature is kept in
 * {@code intake_challenge_used} until the challenge expires, in the submitting transaction, so that a replay, even a
 * concurrent one, is refused, and a submission that fails later leaves the solution unused.
 */
@ApplicationScoped
public class Challenges {

    /** The mark of the development secret in application.properties, which production refuses. */
    static final String DEVELOPMENT_MARK = "DEVELOPMENT-ONLY";

    /** Longer than any payload the widget sends (about 300 characters): not even decoded. */
    static final int MAX_PAYLOAD = 2000;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final String key;
    private final long maxNumber;
    private final long expirySeconds;
    private final boolean devTokens;

    Challenges(EntityManager em, ObjectMapper mapper, IntakeConfig config, SecurityConfig.DevTokens devTokens) {
        this.em = em;
        this.mapper = mapper;
        this.key = config.altcha().hmacKey();
        this.maxNumber = config.altcha().maxNumber();
        this.expirySeconds = Math.max(1, config.altcha().expiry().toSeconds());
        this.devTokens = devTokens.enabled();
    }

    void onStart(@Observes StartupEvent event) {
        var profiles = ConfigUtils.getProfiles();
        check(!profiles.contains("dev") && !profiles.contains("test"), devTokens, key);
    }

    /** Outside dev and test the development secret is refused, unless development tokens are on (then anything is). */
    static void check(boolean production, boolean devTokens, String key) {
        if (production && !devTokens && key.contains(DEVELOPMENT_MARK)) {
            throw new IllegalStateException("Refusing to start: the proof-of-work challenges would be signed with the "
                    + "DEVELOPMENT-ONLY secret. Set TERPADU_INTAKE_ALTCHA_HMAC_KEY to a random secret of at least 32 "
                    + "characters.");
        }
    }

    public ChallengeResponse create() {
        try {
            Altcha.Challenge challenge = Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setAlgorithm(Altcha.Algorithm.SHA256)
                    .setMaxNumber(maxNumber)
                    .setHmacKey(key)
                    .setExpiresInSeconds(expirySeconds));
            return new ChallengeResponse(
                    challenge.algorithm, challenge.challenge, challenge.maxnumber, challenge.salt, challenge.signature);
        } catch (Exception e) {
            throw new IllegalStateException("an ALTCHA challenge cannot be made", e);
        }
    }

    /**
     * Verifies the solution (the widget's Base64 JSON payload: algorithm, challenge, number, salt, signature) and
     * marks it used; a 400 naming {@code altcha} when it is not a solution of an unexpired challenge of ours, or was
     * used before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeem(String payload) {
        JsonNode solution = parse(payload);
        boolean valid;
        try {
            valid = solution != null && Altcha.verifySolution(payload, key, true);
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw ProblemException.invalid("altcha", Message.of("intake.altcha.invalid"));
        }
        Instant expires = expiry(solution.path("salt").asText());
        int inserted = em.createNativeQuery("""
                insert into intake_challenge_used (signature, expires_at) values (:signature, :expires)
                on conflict do nothing""")
                .setParameter("signature", solution.path("signature").asText())
                .setParameter("expires", expires)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.invalid("altcha", Message.of("intake.altcha.used"));
        }
    }

    private JsonNode parse(String payload) {
        if (payload == null || payload.length() > MAX_PAYLOAD) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
            return node != null
                            && node.isObject()
                            && node.path("signature").isTextual()
                            && node.path("salt").isTextual()
                    ? node
                    : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** When the challenge expires (its salt says, {@code …?expires=<epoch seconds>}); at the longest expiry if not. */
    private Instant expiry(String salt) {
        try {
            Map<String, String> params = Altcha.extractParams(salt);
            String expires = params == null ? null : params.get("expires");
            if (expires != null) {
                return Instant.ofEpochSecond(Long.parseLong(expires));
            }
        } catch (Exception e) {
            // fall through to the longest a challenge can live
        }
        return Instant.now().plusSeconds(expirySeconds);
    }

    /** Forgets the solutions of expired challenges: they would be refused as expired anyway. */
    @Scheduled(
            skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "10m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        int removed = em.createNativeQuery("delete from intake_challenge_used where expires_at < now()")
                .executeUpdate();
        if (removed > 0) {
            Log.debugf("Removed %d used challenges past their expiry", removed);
        }
    }
}
