package id.terpadu.common.security;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/**
 * The one place that says which requests an API key's scopes allow: reads need {@code read} (the feed
 * {@code feed:read}, exports {@code export:read}); incident reports and their activities need
 * {@code incidents:write}; nothing else is open to a key (keys never manage keys, agencies or teams), but the public
 * operations below {@code /api/v1/public/}, which are open to everyone.
 */
public class ApiKeyScopeFilter {

    /** The operations that need no credential at all. */
    private static final String PUBLIC = "/api/v1/public/";

    private static final Pattern INCIDENT_POST = Pattern.compile("/api/v1/incidents(/[^/]+/activities)?/?");
    private static final Pattern INCIDENT_PUT = Pattern.compile("/api/v1/incidents/[^/]+/?");

    @ServerRequestFilter
    public void check(ContainerRequestContext context) {
        if (!(context.getSecurityContext().getUserPrincipal() instanceof ApiKeyPrincipal key)) {
            return;
        }
        String path = context.getUriInfo().getPath();
        if (path.startsWith(PUBLIC)) {
            // open to everyone, a key's holder included, whatever its scopes
            return;
        }
        Message refusal = refusal(key, context.getMethod(), path);
        if (refusal != null) {
            throw ProblemException.forbidden(refusal);
        }
    }

    /**
     * Why this key may not make this request: the operation is closed to keys, or the key lacks the scope it needs;
     * null when its scopes allow it. Also the wording of a role refusal of a key, whose roles come from its scopes.
     */
    public static Message refusal(ApiKeyPrincipal key, String method, String path) {
        ApiKeyScope needed = required(method, path);
        if (needed == null) {
            return Message.of("api-key.operation-refused");
        }
        if (!key.scopes().contains(needed)) {
            return Message.of("api-key.scope-missing", "scope", needed.value());
        }
        return null;
    }

    public static ApiKeyScope required(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            if (path.startsWith("/api/v1/api-keys") || path.startsWith("/api/v1/intake")) {
                // keys never manage keys, and never read the raw reports of the public and their reporters' contacts
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
                || ((method.equals("PUT") || method.equals("PATCH"))
                        && INCIDENT_PUT.matcher(path).matches())) {
            return ApiKeyScope.INCIDENTS_WRITE;
        }
        return null;
    }
}
