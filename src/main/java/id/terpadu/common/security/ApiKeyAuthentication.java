package id.terpadu.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Authorization: ApiKey <key>} or {@code X-API-Key: <key>}: looks the key up by its SHA-256 on every request,
 * so a revocation takes effect at once. A revoked, expired or unknown key is a 401. The identity has role INTEGRATION
 * (and OFFICER for a key with {@code incidents:write}, limited to incident writes by {@link ApiKeyScopeFilter}).
 * The last use is recorded at most once a minute.
 * <p>
 * Plain JDBC: the key is looked up during authentication, on a worker thread, before the request has a persistence
 * context or a transaction; that is the reason, not a measurement (no figure was taken).
 */
public final class ApiKeyAuthentication {

    public static final String HEADER = "X-API-Key";
    public static final String SCHEME = "ApiKey";

    private ApiKeyAuthentication() {}

    /** The SHA-256 (hex) under which a key is stored. */
    public static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key a request presents, in {@code X-API-Key} or as {@code Authorization: ApiKey <key>}; null without. */
    public static String presented(String header, String authorization) {
        if (header == null
                && authorization != null
                && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return authorization.substring(SCHEME.length() + 1).trim();
        }
        return header;
    }

    static final class Request extends BaseAuthenticationRequest {
        final String key;

        Request(String key) {
            this.key = key;
        }
    }

    @ApplicationScoped
    static class Mechanism implements HttpAuthenticationMechanism {

        @Override
        public Uni<SecurityIdentity> authenticate(
                RoutingContext context, IdentityProviderManager identityProviderManager) {
            String key = presented(
                    context.request().getHeader(HEADER), context.request().getHeader("Authorization"));
            if (key == null) {
                return Uni.createFrom().optional(java.util.Optional.empty());
            }
            return identityProviderManager.authenticate(
                    HttpSecurityUtils.setRoutingContextAttribute(new Request(key), context));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME));
        }

        @Override
        public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
            return Set.of(Request.class);
        }
    }

    @ApplicationScoped
    static class Provider implements IdentityProvider<Request> {

        private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
        private final DataSource dataSource;
        private final ObjectMapper mapper;

        Provider(DataSource dataSource, ObjectMapper mapper) {
            this.dataSource = dataSource;
            this.mapper = mapper;
        }

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> lookUp(request.key));
        }

        private SecurityIdentity lookUp(String key) {
            if (key.isBlank() || key.length() > 200) {
                throw new AuthenticationFailedException("malformed API key");
            }
            try (Connection c = dataSource.getConnection()) {
                ApiKeyPrincipal principal;
                try (PreparedStatement ps = c.prepareStatement("""
                        select id, prefix, agency_id, cast(region_scope as text), cast(scopes as text), classification
                        from api_key where key_hash = ? and revoked_at is null and expires_at > now()
                        """)) {
                    ps.setString(1, hash(key));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new AuthenticationFailedException("unknown, revoked or expired API key");
                        }
                        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
                        for (String value : mapper.readValue(rs.getString(5), LIST)) {
                            ApiKeyScope scope = ApiKeyScope.of(value);
                            if (scope != null) {
                                scopes.add(scope);
                            }
                        }
                        principal = new ApiKeyPrincipal(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getObject(3, UUID.class),
                                new ArrayList<>(mapper.readValue(rs.getString(4), LIST)),
                                scopes,
                                Classification.valueOf(rs.getString(6)));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        update api_key set last_used_at = now()
                        where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')
                        """)) {
                    ps.setObject(1, principal.keyId());
                    ps.executeUpdate();
                }
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(principal)
                        .addRole(Role.INTEGRATION_);
                if (principal.scopes().contains(ApiKeyScope.INCIDENTS_WRITE)) {
                    identity.addRole(Role.OFFICER_);
                }
                return identity.build();
            } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("API key lookup failed", e);
            }
        }
    }
}
