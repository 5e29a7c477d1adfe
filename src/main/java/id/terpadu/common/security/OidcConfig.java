package id.terpadu.common.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code terpadu.oidc.*}: the OpenID Connect issuers whose tokens are accepted, by a name of the operator's choice
 * ({@code terpadu.oidc.issuers.ssoasn.url=https://sso.bkn.go.id/realms/asn}). A token of such an issuer is verified
 * with the keys of the issuer's JWKS (found through its {@code .well-known/openid-configuration}) and gets its rights
 * only from the account of its issuer and subject.
 */
@ConfigMapping(prefix = "terpadu.oidc")
public interface OidcConfig {

    /** The allowed issuers, by name. */
    Map<String, Issuer> issuers();

    /**
     * Whether issuers of development realms (a realm whose name holds {@code development-only}) may be allowed
     * outside the dev and test profiles: only for a throwaway instance, never on a network.
     */
    @WithDefault("false")
    boolean developmentRealmsAllowed();

    /** The issuer (a name of {@link #issuers}) whose login Swagger UI offers; absent: the first by name. */
    Optional<String> swaggerUiIssuer();

    /** How long a request to an issuer (discovery, JWKS) may take. */
    @WithDefault("5S")
    Duration timeout();

    interface Issuer {
        /** The issuer exactly as tokens name it ({@code iss}); its discovery document is below it. */
        String url();

        /** What the token's {@code aud} must hold: the API's client id at the issuer. */
        String audience();

        /**
         * The shortest time between two fetches of the JWKS: a token with an unknown key id ({@code kid}) fetches
         * the keys again, at most this often.
         */
        @WithDefault("5S")
        Duration jwksRefreshInterval();

        /** How long the keys are kept when the issuer's answer does not say (Cache-Control). */
        @WithDefault("10M")
        Duration jwksCacheTime();
    }
}
