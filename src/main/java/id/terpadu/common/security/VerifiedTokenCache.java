package id.terpadu.common.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token once and remembers the result until the token expires, so that a client sending the same
 * token on every request does not pay an RSA verification each time (it was the largest single cost of a read).
 * Only tokens that passed full verification are kept, keyed by the exact token text; a token is never served past
 * its {@code exp}. A token of an allowed OpenID Connect issuer is verified by {@link OidcIssuers}, any other by
 * smallrye-jwt with the service's own key and issuer. Rights are never cached here: the account behind a token is
 * read at each request ({@link AccountAugmentor}). The cache holds at most {@value #MAX_ENTRIES} tokens and is emptied when full.
 * <p>
 * It also remembers the custom claims read from each token ({@link #claim}): the token library finds a custom claim
 * only after failing to look its name up among the standard ones, an exception with a stack trace each time, which
 * cost a read by id more than its SQL statement.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final int MAX_ENTRIES = 10_000;

    private final DefaultJWTParser delegate;
    private final OidcIssuers issuers;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** A verified token and the claims read from it so far (an empty Optional: the token lacks the claim). */
    private record Verified(JsonWebToken jwt, ConcurrentHashMap<String, Optional<Object>> claims) {}

    VerifiedTokenCache(DefaultJWTParser delegate, OidcIssuers issuers) {
        this.delegate = delegate;
        this.issuers = issuers;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null) {
            if (known.jwt().getExpirationTime() > now) {
                return known.jwt();
            }
            verified.remove(token);
        }
        String issuer = OidcIssuers.peekIssuer(token);
        JsonWebToken jwt = issuers.isExternal(issuer) ? issuers.verify(token, issuer) : delegate.parse(token);
        if (jwt.getExpirationTime() > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(token, new Verified(jwt, new ConcurrentHashMap<>()));
        }
        return jwt;
    }

    /** The token's claim, read once per verified token; a token this cache did not verify is read directly. */
    public Object claim(JsonWebToken jwt, String name) {
        String raw = jwt.getRawToken();
        Verified known = raw == null ? null : verified.get(raw);
        if (known == null || known.jwt() != jwt) {
            return jwt.getClaim(name);
        }
        return known.claims()
                .computeIfAbsent(name, n -> Optional.ofNullable(jwt.getClaim(n)))
                .orElse(null);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
