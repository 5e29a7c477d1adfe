package id.terpadu.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * The upload key of a report: 256 random bits (Base64url, 43 characters), shown once in the report's 202 answer and
 * kept only as its SHA-256, that lets whoever holds it send photos to that report alone, without a token, until it
 * expires and while the report is still open. It is no credential of anyone: it names no person and opens nothing
 * else. The photos' own limits (how many, how many bytes) are counted by the attachments that hold them.
 */
@ApplicationScoped
public class UploadKeys {

    /** The request header that carries the key. */
    public static final String HEADER = "Report-Key";

    /** Longer input is not even hashed. */
    private static final int MAX_INPUT = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntakeRepository reports;
    private final IntakeConfig config;

    UploadKeys(IntakeRepository reports, IntakeConfig config) {
        this.reports = reports;
        this.config = config;
    }

    /** What a valid key allows: photos to this report, up to these limits, in the queue region's scope. */
    public record Grant(UUID reportId, String trackingCode, String queueRegion, int maxFiles, long maxBytes) {}

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The grant of a key, the report locked until the transaction ends when {@code admitting} (so that two uploads
     * cannot both pass its last room; a request that only goes on with an upload takes no lock). A missing key, an unknown one and the key of another report ({@code trackingCode} given and not that
     * report's) are the same 404, as an unknown tracking code is (the key is no credential of a caller: whoever the
     * caller is, there is no report that takes photos with it); an expired key is 410; a key of a report already
     * triaged is 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant redeem(String trackingCode, String key, boolean admitting) {
        IntakeReport report = key == null || key.isBlank() || key.length() > MAX_INPUT
                ? null
                : reports.byUploadKey(sha256(key.trim()), admitting);
        if (report == null
                || (trackingCode != null
                        && !TrackingCodes.normalise(trackingCode).equals(report.trackingCode))) {
            throw ProblemException.notFound(Message.of("intake.photos.key.invalid", "header", HEADER));
        }
        if (!report.uploadKeyExpiresAt.isAfter(Instant.now())) {
            throw new ProblemException(
                    ProblemType.GONE, Message.of("intake.photos.key.expired", "expiredAt", report.uploadKeyExpiresAt));
        }
        if (!report.status.open()) {
            throw ProblemException.conflict(Message.of("intake.photos.closed"));
        }
        return new Grant(
                report.id,
                TrackingCodes.display(report.trackingCode),
                report.queueRegion,
                config.photos().maxFiles(),
                config.photos().maxBytes().asLongValue());
    }
}
