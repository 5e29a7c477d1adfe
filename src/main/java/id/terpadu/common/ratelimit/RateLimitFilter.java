package id.terpadu.common.ratelimit;

import java.security.Principal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;

import id.terpadu.common.error.Languages;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.error.Problems;
import id.terpadu.common.security.ApiKeyPrincipal;

/**
 * Applies the per-caller budgets of {@link RateLimiter} to every API request, after authentication: the caller is
 * its API key, else its token subject, else (the few public operations) its client address. Every answer carries
 * {@code RateLimit-Policy} and {@code RateLimit}; a request over the budget is a 429 problem with
 * {@code Retry-After} (seconds until the window ends) and is not run.
 */
public class RateLimitFilter {

    static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 100)
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!limiter.enabled() || context.getMethod().equals("OPTIONS")) {
            return null;
        }
        String path = context.getUriInfo().getPath();
        RateLimiter.Decision decision = Policy.isPublicReport(context.getMethod(), path)
                ? publicReport(address(request))
                : Policy.isPublicUpload(path)
                        ? limiter.acquire(Policy.PUBLIC_UPLOADS, "addr:" + address(request))
                        : limiter.acquire(
                                Policy.of(context.getMethod(), path),
                                caller(context.getSecurityContext().getUserPrincipal(), request));
        context.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        return Response.fromResponse(Problems.response(
                        ProblemType.TOO_MANY_REQUESTS,
                        Message.of(
                                "rate-limit.exceeded",
                                "policy",
                                decision.policy().id(),
                                "limit",
                                decision.limit(),
                                "window",
                                decision.windowSeconds(),
                                "retryAfter",
                                decision.resetSeconds()),
                        null,
                        null,
                        Languages.pick(context.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                        context.getUriInfo().getRequestUri().getRawPath()))
                .header("Retry-After", Long.toString(decision.resetSeconds()))
                .header(POLICY_HEADER, decision.policyHeader())
                .header(HEADER, decision.header())
                .build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle(POLICY_HEADER, decision.policyHeader());
            response.getHeaders().putSingle(HEADER, decision.header());
        }
    }

    /**
     * A report from the public takes from its address's budget and, if that allows it, from its network's; the answer
     * is the first refusal, else the tighter of the two.
     */
    private RateLimiter.Decision publicReport(String address) {
        RateLimiter.Decision perAddress = limiter.acquire(Policy.PUBLIC_REPORTS, "addr:" + address);
        if (!perAddress.allowed()) {
            return perAddress;
        }
        RateLimiter.Decision perNetwork = limiter.acquire(Policy.PUBLIC_NETWORKS, "net:" + Networks.of(address));
        return !perNetwork.allowed() || perNetwork.remaining() < perAddress.remaining() ? perNetwork : perAddress;
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    static String caller(Principal principal, HttpServerRequest request) {
        if (principal instanceof ApiKeyPrincipal key) {
            return "api-key:" + key.keyId();
        }
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "sub:" + jwt.getSubject();
        }
        if (principal != null
                && principal.getName() != null
                && !principal.getName().isEmpty()) {
            return "user:" + principal.getName();
        }
        return "addr:" + address(request);
    }
}
