package id.terpadu.common.security;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.terpadu.common.error.ProblemException;

/**
 * Checks the claims of every authenticated request once, before any resource runs: a token without a well-formed
 * {@code region_scope} is refused (401) everywhere, not only where a query happens to read the scope, and a token
 * whose account is missing (at an OpenID Connect issuer) or deactivated is refused (403) saying so.
 */
public class TokenClaimsFilter {

    private final Caller caller;

    TokenClaimsFilter(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext context) {
        if (context.getSecurityContext().getUserPrincipal() != null && !caller.isAnonymous()) {
            if (caller.refusal() != null) {
                throw ProblemException.forbidden(caller.refusal());
            }
            caller.scope();
        }
    }
}
