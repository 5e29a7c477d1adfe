package id.terpadu.common.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.http.Get;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import io.quarkus.logging.Log;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The OpenID Connect issuers on the allow-list ({@link OidcConfig}) and the verification of their tokens. Each
 * issuer's discovery document ({@code <issuer>/.well-known/openid-configuration}) is read at its first token and must
 * name the issuer itself; its {@code jwks_uri} gives the keys. A token whose key id the keys lack fetches them again
 * (key rotation), at most once per {@code jwks-refresh-interval}; the keys are kept as the issuer's Cache-Control
 * says, else {@code jwks-cache-time}. A token is accepted when it is signed (RS256/384/512, PS256, ES256; never
 * {@code none} or HMAC) by a key of its issuer's JWKS, names that issuer, has the configured audience, is not expired
 * (30 s of clock skew), has a subject, and is not an ID token. Its {@code groups} claim is dropped: such a token's
 * roles come only from its account.
 * <p>
 * Why not Quarkus OIDC: see docs/security.md ("Identity providers"); in short, its bearer mechanism and smallrye-jwt's
 * both claim {@code Authorization: Bearer} on the same paths, and development tokens must keep working beside it.
 */
@ApplicationScoped
public class OidcIssuers {

    private static final long DISCOVERY_RETRY_MILLIS = 5_000;

    private final String ownIssuer;
    private final Map<String, Verifier> verifiers = new LinkedHashMap<>();

    OidcIssuers(OidcConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String ownIssuer) {
        this.ownIssuer = ownIssuer;
        for (OidcConfig.Issuer issuer : config.issuers().values()) {
            verifiers.put(issuer.url(), new Verifier(issuer, config.timeout()));
        }
    }

    /** Whether tokens of this issuer are verified here (an allowed OpenID Connect issuer, not the service's own). */
    public boolean isExternal(String issuer) {
        return issuer != null && verifiers.containsKey(issuer);
    }

    /** The service's own issuer (development tokens, or a provider whose tokens carry the project's claims). */
    public String ownIssuer() {
        return ownIssuer;
    }

    /** Every issuer whose tokens are accepted: the service's own first. */
    public Set<String> accepted() {
        Set<String> all = new LinkedHashSet<>();
        all.add(ownIssuer);
        all.addAll(verifiers.keySet());
        return all;
    }

    /** The allowed OpenID Connect issuers. */
    public Collection<String> external() {
        return verifiers.keySet();
    }

    /** The {@code iss} of a token, read without verifying anything (to choose the verification); null if unreadable. */
    static String peekIssuer(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.length() > 16_384) {
            return null;
        }
        try {
            String payload = new String(
                    Base64.getUrlDecoder().decode(token.substring(first + 1, second)), StandardCharsets.UTF_8);
            Object iss = org.jose4j.json.JsonUtil.parseJson(payload).get("iss");
            return iss instanceof String s ? s : null;
        } catch (IllegalArgumentException | JoseException e) {
            return null;
        }
    }

    /** Verifies a token of an allowed issuer; a refused token is a ParseException (401). */
    JsonWebToken verify(String token, String issuer) throws ParseException {
        Verifier verifier = verifiers.get(issuer);
        if (verifier == null) {
            throw new ParseException("issuer not allowed");
        }
        try {
            JwtClaims claims = verifier.consumer().processToClaims(token);
            if ("ID".equalsIgnoreCase(String.valueOf(claims.getClaimValue("typ")))) {
                throw new ParseException("an ID token is no access token");
            }
            claims.unsetClaim("groups");
            claims.setClaim("raw_token", token);
            return new DefaultJWTCallerPrincipal(token, "JWT", claims);
        } catch (InvalidJwtException e) {
            throw new ParseException("token refused: " + e.getMessage(), e);
        }
    }

    /** One issuer: its discovery at the first token (retried after a failure), its keys and its consumer. */
    static final class Verifier {

        private final OidcConfig.Issuer config;
        private final Duration timeout;
        private volatile JwtConsumer consumer;
        private long failedAt;

        Verifier(OidcConfig.Issuer config, Duration timeout) {
            this.config = config;
            this.timeout = timeout;
        }

        JwtConsumer consumer() throws ParseException {
            JwtConsumer known = consumer;
            if (known != null) {
                return known;
            }
            synchronized (this) {
                if (consumer != null) {
                    return consumer;
                }
                if (System.currentTimeMillis() - failedAt < DISCOVERY_RETRY_MILLIS) {
                    throw new ParseException("the issuer's discovery failed a moment ago");
                }
                try {
                    consumer = build(discoverJwks());
                    return consumer;
                } catch (Exception e) {
                    failedAt = System.currentTimeMillis();
                    Log.warnf("OpenID Connect discovery of %s failed: %s", config.url(), e.getMessage());
                    throw new ParseException("the issuer's discovery failed", e);
                }
            }
        }

        private String discoverJwks() throws Exception {
            String base = config.url().endsWith("/") ? config.url() : config.url() + "/";
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(base + ".well-known/openid-configuration"))
                            .timeout(timeout)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("discovery answered " + answer.statusCode());
            }
            Map<String, Object> document = org.jose4j.json.JsonUtil.parseJson(answer.body());
            if (!config.url().equals(document.get("issuer"))) {
                throw new IllegalStateException(
                        "the discovery document names another issuer: " + document.get("issuer"));
            }
            if (!(document.get("jwks_uri") instanceof String jwks) || jwks.isBlank()) {
                throw new IllegalStateException("the discovery document has no jwks_uri");
            }
            return jwks;
        }

        private JwtConsumer build(String jwksUri) {
            HttpsJwks jwks = new HttpsJwks(jwksUri);
            Get get = new Get();
            get.setConnectTimeout((int) timeout.toMillis());
            get.setReadTimeout((int) timeout.toMillis());
            jwks.setSimpleHttpGet(get);
            jwks.setDefaultCacheDuration(config.jwksCacheTime().toSeconds());
            jwks.setRefreshReprieveThreshold(config.jwksRefreshInterval().toMillis());
            return new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(true, config.url())
                    .setExpectedAudience(true, config.audience())
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256,
                            AlgorithmIdentifiers.RSA_USING_SHA384,
                            AlgorithmIdentifiers.RSA_USING_SHA512,
                            AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                    .build();
        }
    }
}
