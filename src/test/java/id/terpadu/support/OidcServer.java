package id.terpadu.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A small OpenID Connect provider for the tests: realms under {@code /realms/<name>}, each with its discovery
 * document, its JWKS (counted, so a test sees how often the service fetched it) and its RSA keys, which a test
 * rotates. Realm {@code allowed} is on the service's allow-list; realm {@code other} is not. The keys sign tokens in
 * the test itself; nothing leaves 127.0.0.1.
 */
public class OidcServer implements QuarkusTestResourceLifecycleManager {

    public static final String AUDIENCE = "terpadu-api";

    private static volatile OidcServer running;

    /** One realm: its current keys (published) and how often its JWKS was fetched. */
    public static final class Realm {
        final String issuer;
        final List<RsaJsonWebKey> keys = new ArrayList<>();
        public final AtomicInteger jwksFetches = new AtomicInteger();

        Realm(String issuer) {
            this.issuer = issuer;
            keys.add(newKey());
        }

        public String issuer() {
            return issuer;
        }

        /** The key tokens are signed with now. */
        public synchronized RsaJsonWebKey current() {
            return keys.get(keys.size() - 1);
        }

        /** A new key becomes current and the old ones are no longer published (disabled). Returns the old one. */
        public synchronized RsaJsonWebKey rotate() {
            RsaJsonWebKey old = current();
            keys.clear();
            keys.add(newKey());
            return old;
        }

        synchronized String jwks() {
            return new JsonWebKeySet(new ArrayList<>(keys)).toJson();
        }

        /** A signed access token for the subject with the given extra claims. */
        public String token(String subject, Map<String, Object> claims) {
            return sign(current(), claims(subject, claims));
        }

        public JwtClaims claims(String subject, Map<String, Object> extra) {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(AUDIENCE, "account");
            claims.setSubject(subject);
            claims.setExpirationTimeMinutesInTheFuture(5);
            claims.setIssuedAtToNow();
            claims.setGeneratedJwtId();
            claims.setClaim("azp", "terpadu-swagger");
            claims.setClaim("typ", "Bearer");
            extra.forEach(claims::setClaim);
            return claims;
        }
    }

    public static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(RsaJsonWebKey key, JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer server;
    private final Map<String, Realm> realms = new ConcurrentHashMap<>();

    /** The running server's realm of this name. */
    public static Realm realm(String name) {
        return running.realms.get(name);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/";
        for (String name : List.of("allowed", "other")) {
            realms.put(name, new Realm(base + name));
        }
        server.createContext("/realms/", this::answer);
        server.start();
        running = this;
        return Map.of(
                "terpadu.oidc.issuers.test.url",
                base + "allowed",
                "terpadu.oidc.issuers.test.audience",
                AUDIENCE,
                "terpadu.oidc.issuers.test.jwks-refresh-interval",
                "1S");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        Realm realm = parts.length > 2 ? realms.get(parts[2]) : null;
        String rest = parts.length > 3 ? String.join("/", java.util.Arrays.copyOfRange(parts, 3, parts.length)) : "";
        String body = null;
        if (realm != null && rest.equals(".well-known/openid-configuration")) {
            body = "{\"issuer\": \"" + realm.issuer + "\", \"jwks_uri\": \"" + realm.issuer
                    + "/protocol/openid-connect/certs\", \"authorization_endpoint\": \"" + realm.issuer
                    + "/protocol/openid-connect/auth\", \"token_endpoint\": \"" + realm.issuer
                    + "/protocol/openid-connect/token\"}";
        } else if (realm != null && rest.equals("protocol/openid-connect/certs")) {
            realm.jwksFetches.incrementAndGet();
            body = realm.jwks();
        }
        byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
