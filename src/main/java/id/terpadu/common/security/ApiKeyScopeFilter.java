package id.terpadu.common.security;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/**
 * The one place that says which requests an API key's scopes allow: reads need {@code read} (the feed
 * {@code feed:read}, exports {@code export:read}); incident reports and their activities need
 * {@code incidents:write}; nothing else is open to a key (keys never manage keys, agencies or teams).
 */
public class ApiKeyScopeFilter {

    private static final Pattern INCIDENT_POST = Pattern.compile("/api/v1/incidents(/[^/]+/activities)?/?");
    private static final Pattern INCIDENT_PUT = Pattern.compile("/api/v1/incidents/[^/]+/?");

    @ServerRequestFilter
    public void check(ContainerRequestContext context) {
        if (!(context.getSecurityContext().getUserPrincipal() instanceof ApiKeyPrincipal key)) {
            return;
        }
        String path = context.getUriInfo().getPath();
        ApiKeyScope needed = required(context.getMethod(), path);
        if (needed == null) {
            throw ProblemException.forbidden(Message.of("api-key.operation-refused"));
        }
        if (!key.scopes().contains(needed)) {
            throw ProblemException.forbidden(Message.of("api-key.scope-missing", "scope", needed.value()));
        }
    }

    static ApiKeyScope required(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            if (path.startsWith("/api/v1/api-keys")) {
                return null;
            }
            if (path.startsWith("/api/v1/feed")) {
                return ApiKeyScope.FEED_READ;
            }
            if (path.startsWith("/api/v1/exports")) {
                return ApiKeyScope.EXPORT_READ;
            }
            return ApiKeyScope.READ;
        }
        if ((method.equals("POST") && INCIDENT_POST.matcher(path).matches())
                || (method.equals("PUT") && INCIDENT_PUT.matcher(path).matches())) {
            return ApiKeyScope.INCIDENTS_WRITE;
        }
        return null;
    }
}
