package id.terpadu.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses, in the production profile, to verify tokens with the DEVELOPMENT-ONLY key unless development tokens
 * were switched on on purpose, and says loudly when they are.
 */
@Singleton
public class SecurityStartupCheck {

    @ConfigProperty(name = "terpadu.dev-tokens.enabled")
    boolean devTokens;
    @ConfigProperty(name = "terpadu.dev-tokens.public-key-location")
    String devPublicKey;
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> verifyKeyLocation;
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> verifyKey;

    void onStart(@Observes StartupEvent event) {
        for (String warning : check(ConfigUtils.getProfiles().contains("prod"), devTokens, verifyKeyLocation.orElse(null),
                verifyKey.isPresent(), devPublicKey)) {
            Log.warn(warning);
        }
    }

    /** The warnings to log; throws when the configuration must not start. */
    static List<String> check(boolean production, boolean devTokens, String verifyKeyLocation, boolean inlineKey,
            String devPublicKey) {
        List<String> warnings = new ArrayList<>();
        boolean devKey = verifyKeyLocation != null && verifyKeyLocation.replace("classpath:", "").endsWith(devPublicKey);
        if (!production) {
            return warnings;
        }
        if (devKey && !devTokens) {
            throw new IllegalStateException("Refusing to start: the production profile verifies tokens with the "
                    + "DEVELOPMENT-ONLY public key. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's key.");
        }
        if (devTokens) {
            warnings.add("""
                    ********************************************************************************
                    * DEVELOPMENT TOKENS ARE ENABLED IN PRODUCTION (TERPADU_DEV_TOKENS_ENABLED).   *
                    * Anybody who can reach POST /api/v1/dev/tokens can become ADMIN. Never expose *
                    * this instance to a network.                                                  *
                    ********************************************************************************""");
        }
        if (verifyKeyLocation == null && !inlineKey) {
            warnings.add("No token verification key is configured (MP_JWT_VERIFY_PUBLICKEY_LOCATION): every API "
                    + "request will be answered 401 until one is.");
        }
        return warnings;
    }
}
