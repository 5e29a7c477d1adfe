package id.terpadu.common.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.region.RegionCode;

/**
 * Who is calling: subject, display name, agency, roles, region scope and client. A token with an active account
 * ({@link AccountAugmentor}) gets its agency, roles and region scope from the account; otherwise they are read from
 * the verified token.
 * Claims: {@code sub}, {@code name}, {@code agency_id}, {@code roles}, {@code region_scope}, {@code client_id}. An API
 * key caller ({@link ApiKeyPrincipal}) is {@code api-key:<prefix>} with the key's agency and region scope.
 */
@RequestScoped
public class Caller {

    public static final String CLAIM_NAME = "name";
    public static final String CLAIM_AGENCY = "agency_id";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_SCOPE = "region_scope";
    public static final String CLAIM_CLIENT = "client_id";

    private final SecurityIdentity identity;
    private final VerifiedTokenCache tokens;
    private RegionScope scope;
    private String systemActor;

    Caller(SecurityIdentity identity, VerifiedTokenCache tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    private JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }

    /** The rights of the caller's active account, or null (no account, an API key, no credentials). */
    public AccountRights account() {
        return identity.isAnonymous() ? null : identity.getAttribute(AccountRights.ATTRIBUTE);
    }

    /** Why the caller's token is refused (no account at an OpenID Connect issuer, or a deactivated one), or null. */
    public Message refusal() {
        return identity.isAnonymous() ? null : identity.getAttribute(AccountRights.REFUSAL);
    }

    /** The issuer of the caller's token, or null. */
    public String issuer() {
        JsonWebToken jwt = token();
        return jwt == null ? null : jwt.getIssuer();
    }

    /** The caller's name: the account's, else the token's {@code name} claim; null when neither. */
    public String name() {
        if (account() != null) {
            return account().name();
        }
        JsonWebToken jwt = token();
        Object value = jwt == null ? null : tokens.claim(jwt, CLAIM_NAME);
        return value == null ? null : value.toString().replace("\"", "");
    }

    /** The roles the caller holds. */
    public java.util.Set<String> roles() {
        return identity.getRoles();
    }

    /** The API key the caller authenticated with, or null for a token or no credentials. */
    public ApiKeyPrincipal apiKey() {
        return identity.getPrincipal() instanceof ApiKeyPrincipal key ? key : null;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** For work the service does on its own (scheduled jobs): the change log names this actor. */
    public void actAsSystem(String actor) {
        this.systemActor = actor;
    }

    public String subject() {
        if (systemActor != null) {
            return systemActor;
        }
        JsonWebToken jwt = token();
        if (jwt != null && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public UUID agencyId() {
        if (apiKey() != null) {
            return apiKey().agencyId();
        }
        if (account() != null) {
            return account().agencyId();
        }
        JsonWebToken jwt = token();
        Object value = jwt == null ? null : tokens.claim(jwt, CLAIM_AGENCY);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The token's client: {@code client_id}, else {@code azp}, else the token id. */
    public String clientId() {
        if (apiKey() != null) {
            return "api-key:" + apiKey().keyId();
        }
        JsonWebToken jwt = token();
        if (jwt == null) {
            return null;
        }
        for (String claim : List.of(CLAIM_CLIENT, "azp", "jti")) {
            Object value = tokens.claim(jwt, claim);
            if (value != null) {
                return value.toString().replace("\"", "");
            }
        }
        return null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The caller's region scope; a token whose scope holds a malformed code is refused. */
    public RegionScope scope() {
        if (scope == null) {
            scope = readScope();
        }
        return scope;
    }

    private RegionScope readScope() {
        if (apiKey() != null) {
            return new RegionScope(List.copyOf(apiKey().regionScope()));
        }
        if (account() != null) {
            return new RegionScope(List.copyOf(account().regionScope()));
        }
        JsonWebToken jwt = token();
        if (jwt == null) {
            return RegionScope.NONE;
        }
        Object claim = tokens.claim(jwt, CLAIM_SCOPE);
        if (claim == null) {
            // A missing claim must never widen access: only an explicit empty list means national.
            throw new ProblemException(ProblemType.UNAUTHORIZED, Message.of("auth.region-scope.missing"));
        }
        List<String> codes = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            for (Object value : values) {
                codes.add(value.toString().replace("\"", ""));
            }
        } else {
            codes.add(claim.toString().replace("\"", ""));
        }
        for (String code : codes) {
            if (!RegionCode.isValid(code)) {
                throw new ProblemException(ProblemType.UNAUTHORIZED, Message.of("auth.region-scope.invalid"));
            }
        }
        return new RegionScope(List.copyOf(codes));
    }
}
