package id.terpadu.common.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Outside the dev and test profiles: refuses to verify tokens with the DEVELOPMENT-ONLY key (recognised by its
 * material, wherever it was copied) unless development tokens were switched on on purpose, and says loudly
 * when they are; refuses the issuers of development realms the same way ({@link #checkIssuers}).
 */
@Singleton
public class SecurityStartupCheck {

    /** SHA-256 of the DER (SubjectPublicKeyInfo) of src/dev-keys/DEVELOPMENT-ONLY-public.pem. */
    static final String DEV_KEY_FINGERPRINT = "6470ef3d9c8839e1178da39e1e1cb183e63163fe530c38aa70a8de8483654976";

    private final boolean devTokens;
    private final Optional<String> verifyKeyLocation;
    private final Optional<String> verifyKey;
    private final OidcConfig oidc;
    private final OidcIssuers issuers;

    SecurityStartupCheck(
            SecurityConfig.DevTokens devTokens,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> verifyKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> verifyKey,
            OidcConfig oidc,
            OidcIssuers issuers) {
        this.devTokens = devTokens.enabled();
        this.verifyKeyLocation = verifyKeyLocation;
        this.verifyKey = verifyKey;
        this.oidc = oidc;
        this.issuers = issuers;
    }

    void onStart(@Observes StartupEvent event) {
        List<String> profiles = ConfigUtils.getProfiles();
        boolean production = !profiles.contains("dev") && !profiles.contains("test");
        String pem = verifyKey.orElseGet(
                () -> verifyKeyLocation.map(SecurityStartupCheck::readLocal).orElse(null));
        boolean verifiable = verifyKeyLocation.isPresent()
                || verifyKey.isPresent()
                || !issuers.external().isEmpty();
        for (String warning : check(production, devTokens, verifiable, isDevelopmentKey(pem))) {
            Log.warn(warning);
        }
        for (String warning : checkIssuers(production, oidc.developmentRealmsAllowed(), issuers.external())) {
            Log.warn(warning);
        }
    }

    /**
     * Outside dev and test: refuses an OpenID Connect issuer of a development realm (its name holds
     * {@code development-only}, as the realms in verify/keycloak do) unless allowed on purpose, and an issuer reached
     * without TLS on another host than this one (its keys could be swapped on the way).
     */
    static List<String> checkIssuers(boolean production, boolean developmentRealmsAllowed, Collection<String> issuers) {
        List<String> warnings = new ArrayList<>();
        if (!production) {
            return warnings;
        }
        for (String issuer : issuers) {
            if (issuer.toLowerCase(Locale.ROOT).contains("development-only")) {
                if (!developmentRealmsAllowed) {
                    throw new IllegalStateException("Refusing to start: the OpenID Connect issuer " + issuer
                            + " is a DEVELOPMENT-ONLY realm, whose users and passwords are public. Allow your "
                            + "provider's production realm instead (terpadu.oidc.issuers.<name>.url).");
                }
                warnings.add("DEVELOPMENT-ONLY REALM ALLOWED (terpadu.oidc.development-realms-allowed): " + issuer
                        + ". Its users and passwords are public; never expose this instance to a network.");
            }
            URI uri = URI.create(issuer);
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
            if (!"https".equals(uri.getScheme()) && !loopback) {
                throw new IllegalStateException(
                        "Refusing to start: the OpenID Connect issuer " + issuer + " is not reached over https.");
            }
        }
        return warnings;
    }

    /** The warnings to log; throws when the configuration must not start. */
    static List<String> check(boolean production, boolean devTokens, boolean keyConfigured, boolean developmentKey) {
        List<String> warnings = new ArrayList<>();
        if (!production) {
            return warnings;
        }
        if (developmentKey && !devTokens) {
            throw new IllegalStateException("Refusing to start: tokens would be verified with the DEVELOPMENT-ONLY "
                    + "public key. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's key.");
        }
        if (devTokens) {
            warnings.add("""
                    ********************************************************************************
                    * DEVELOPMENT TOKENS ARE ENABLED OUTSIDE DEV AND TEST (TERPADU_DEV_TOKENS_...). *
                    * Anybody who can reach POST /api/v1/dev/tokens can become ADMIN. Never expose *
                    * this instance to a network.                                                  *
                    ********************************************************************************""");
        }
        if (!keyConfigured) {
            warnings.add("No token verification key is configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION): every API "
                    + "request will be answered 401 until one is.");
        }
        return warnings;
    }

    /** Whether a PEM public key is the development key. */
    static boolean isDevelopmentKey(String pem) {
        if (pem == null || !pem.contains("BEGIN PUBLIC KEY")) {
            return false;
        }
        try {
            byte[] der = KeyUtils.decodePublicKey(pem).getEncoded();
            return DEV_KEY_FINGERPRINT.equals(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (Exception e) {
            return false;
        }
    }

    /** The content of a key on the local file system or class path; null for URLs and unreadable places. */
    private static String readLocal(String location) {
        String path = location.startsWith("file:") ? location.substring(5) : location;
        try {
            if (location.startsWith("classpath:") || !Files.exists(Path.of(path))) {
                String resource = location.replace("classpath:", "");
                try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            return null;
        }
    }
}
