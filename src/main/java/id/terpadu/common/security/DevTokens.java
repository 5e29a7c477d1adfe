package id.terpadu.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * Mints development tokens with the DEVELOPMENT-ONLY key, only while {@code terpadu.dev-tokens.enabled} is true.
 * The private key is read at start when the switch is on; with the switch off it is never loaded.
 */
@ApplicationScoped
public class DevTokens {

    public static final String CLIENT_ID = "dev-tokens";

    private final boolean enabled;
    private final String keyLocation;
    private final String issuer;
    private final String audience;
    private volatile PrivateKey key;

    @jakarta.inject.Inject
    DevTokens(
            SecurityConfig.DevTokens config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience) {
        this(config.enabled(), config.privateKeyLocation(), issuer, audience);
    }

    DevTokens(boolean enabled, String keyLocation, String issuer, String audience) {
        this.enabled = enabled;
        this.keyLocation = keyLocation;
        this.issuer = issuer;
        this.audience = audience;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * With development tokens on, the key is read at start: a service that cannot read it (started outside the
     * repository's top folder) refuses to start with the reason, like the other security start-up checks, instead of
     * answering the first token request with a 500.
     */
    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            try {
                privateKey();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "Refusing to start: development tokens are on "
                                + "(TERPADU_DEV_TOKENS_ENABLED=true) but " + e.getMessage()
                                + "; or set TERPADU_DEV_TOKENS_PRIVATE_KEY_LOCATION",
                        e.getCause());
            }
        }
    }

    /** Whether the development private key has been read in this process. */
    public boolean keyLoaded() {
        return key != null;
    }

    public DevTokenDtos.DevTokenResponse mint(DevTokenDtos.DevTokenRequest request) {
        if (!enabled) {
            throw new ProblemException(ProblemType.NOT_FOUND, Message.of("http.not-found"));
        }
        Duration ttl = Duration.ofMinutes(request.ttlMinutes() == null ? 480 : request.ttlMinutes());
        Instant expires = Instant.now().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Set<String> roles = new TreeSet<>();
        request.roles().forEach(role -> roles.add(role.name()));
        List<String> scope = request.regionScope() == null ? List.of() : List.copyOf(request.regionScope());
        var builder = Jwt.issuer(issuer)
                .audience(audience)
                .subject(request.subject())
                .upn(request.subject())
                .claim("jti", UUID.randomUUID().toString())
                .claim(Caller.CLAIM_ROLES, roles)
                .claim(Caller.CLAIM_SCOPE, scope)
                .claim(Caller.CLAIM_CLIENT, CLIENT_ID)
                .expiresAt(expires);
        if (request.name() != null) {
            builder.claim(Caller.CLAIM_NAME, request.name());
        }
        if (request.agencyId() != null) {
            builder.claim(Caller.CLAIM_AGENCY, request.agencyId().toString());
        }
        String token = builder.jws().keyId("terpadu-development-only").sign(privateKey());
        return new DevTokenDtos.DevTokenResponse(token, "Bearer", expires, request.subject(), roles, scope);
    }

    private PrivateKey privateKey() {
        if (key == null) {
            synchronized (this) {
                if (key == null) {
                    key = readKey();
                }
            }
        }
        return key;
    }

    /** Read from the file system (the key is never packaged into the application). */
    private PrivateKey readKey() {
        try {
            String pem = Files.readString(Path.of(keyLocation), StandardCharsets.US_ASCII);
            return KeyUtils.decodePrivateKey(pem);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the development key cannot be read from " + keyLocation
                            + " (run from the repository's top folder)",
                    e);
        }
    }
}
