package id.terpadu.common.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import id.terpadu.common.error.Message;

/**
 * Gives a verified token the rights of its account, read at every request by the token's issuer and subject, so that
 * a deactivation or a change of roles or scope takes effect on the account's next request (the token cache keeps
 * only the verification). An active account's roles replace the token's; its agency and region scope are read by
 * {@link Caller}. A deactivated account, and a token of an allowed OpenID Connect issuer without an account, keep no
 * role and carry why ({@link AccountRights#REFUSAL}): every operation answers 403 saying so. A token of the service's
 * own issuer without an account keeps the rights of its claims (development tokens).
 * <p>
 * Plain JDBC: the account is looked up during authentication, on a worker thread, before the request has a
 * persistence context, like an API key.
 */
@ApplicationScoped
public class AccountAugmentor implements SecurityIdentityAugmentor {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final OidcIssuers issuers;

    AccountAugmentor(DataSource dataSource, ObjectMapper mapper, OidcIssuers issuers) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.issuers = issuers;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> withAccount(identity, jwt));
    }

    private SecurityIdentity withAccount(SecurityIdentity identity, JsonWebToken jwt) {
        String issuer = jwt.getIssuer();
        String subject = jwt.getSubject();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select id, name, agency_id, cast(roles as text), cast(region_scope as text), language, active
                        from account where issuer = ? and subject = ?
                        """)) {
            ps.setString(1, issuer);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return issuers.isExternal(issuer)
                            ? refused(identity, jwt, Message.of("account.none", "issuer", issuer, "subject", subject))
                            : identity;
                }
                if (!rs.getBoolean(7)) {
                    return refused(identity, jwt, Message.of("account.deactivated"));
                }
                AccountRights rights = new AccountRights(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        mapper.readValue(rs.getString(4), LIST),
                        mapper.readValue(rs.getString(5), LIST),
                        rs.getString(6));
                QuarkusSecurityIdentity.Builder builder =
                        base(identity, jwt).addAttribute(AccountRights.ATTRIBUTE, rights);
                for (String role : rights.roles()) {
                    builder.addRole(role);
                }
                return builder.build();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("account lookup failed", e);
        }
    }

    private static SecurityIdentity refused(SecurityIdentity identity, JsonWebToken jwt, Message why) {
        return base(identity, jwt).addAttribute(AccountRights.REFUSAL, why).build();
    }

    /** The identity without its roles: same principal, credentials and attributes. */
    private static QuarkusSecurityIdentity.Builder base(SecurityIdentity identity, JsonWebToken jwt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
    }
}
