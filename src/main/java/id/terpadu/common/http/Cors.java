package id.terpadu.common.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-origin access to the API for the web applications the configuration names ({@code terpadu.cors.origins}:
 * exact origins such as {@code https://peta.kesbangpol.example.go.id}; none by default, and then no CORS header is
 * ever sent). A browser page of such an origin may call the API with a bearer token or an API key, including the
 * resumable uploads (a browser's tus client sends {@code PATCH} and the tus headers, and must read
 * {@code Upload-Offset} and {@code Location} back). No credentials mode: the API takes no cookies, so
 * {@code Access-Control-Allow-Credentials} is never sent, and another origin's page cannot ride on a person's session.
 * <p>
 * A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin is answered here,
 * before authentication and the rate limiter, with the methods of the path from {@link AllowedMethods} (the same list
 * as its {@code Allow}). A preflight from any other origin, for a method the path does not allow or for a path no
 * resource serves gets no CORS headers, so the browser stops the request. Every API answer of a service with an
 * allow-list varies by {@code Origin}.
 * <p>
 * A second list, {@code terpadu.cors.public-origins}, names the origins of web forms that may call only the public
 * operations (below {@code /api/v1/public/}: the proof-of-work challenge, a report, its tracking) and nothing else,
 * with none of the headers that carry a credential: a regional site's report form. On the routes of a report's
 * photos (one request, or tus) such a page may also send the report's upload key ({@code Report-Key}, which opens
 * that report's photos and nothing else) and tus's headers; on no other route.
 */
@Singleton
public class Cors {

    /** What a page may send besides the headers every browser may send anyway. */
    static final List<String> REQUEST_HEADERS = List.of(
            "Authorization",
            "X-API-Key",
            "Content-Type",
            "Accept-Language",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "X-Request-Id",
            "Range",
            "Tus-Resumable",
            "Upload-Length",
            "Upload-Offset",
            "Upload-Metadata",
            "Upload-Checksum",
            "Upload-Defer-Length",
            "X-HTTP-Method-Override");

    /** What a page may read besides the headers a browser always shows it. */
    static final List<String> RESPONSE_HEADERS = List.of(
            "ETag",
            "Location",
            "Content-Location",
            "Link",
            "Retry-After",
            "RateLimit",
            "RateLimit-Policy",
            "X-Request-Id",
            "Content-Disposition",
            "Content-Range",
            "Accept-Ranges",
            "Tus-Resumable",
            "Tus-Version",
            "Tus-Extension",
            "Tus-Max-Size",
            "Tus-Checksum-Algorithm",
            "Upload-Offset",
            "Upload-Length",
            "Upload-Expires",
            "Upload-Metadata");

    /** What a public form's page may send: nothing that carries a credential. */
    static final List<String> PUBLIC_REQUEST_HEADERS = List.of("Content-Type", "Accept-Language", "X-Request-Id");

    /** What a public form's page may send to upload a report's photos: the report's key and tus's headers. */
    static final List<String> PUBLIC_UPLOAD_REQUEST_HEADERS = List.of(
            "Content-Type",
            "Accept-Language",
            "X-Request-Id",
            "Report-Key",
            "Tus-Resumable",
            "Upload-Length",
            "Upload-Offset",
            "Upload-Metadata",
            "Upload-Checksum");

    /** The operations open to the public origins: every operation below this path needs no token. */
    static final String PUBLIC_PATH = "/api/v1/public/";

    /** How long a browser may keep a preflight's answer. */
    static final int MAX_AGE_SECONDS = 600;

    private final Set<String> origins;
    private final Set<String> publicOrigins;
    private final AllowedMethods methods;
    private final String allowHeaders = String.join(", ", REQUEST_HEADERS);
    private final String publicAllowHeaders = String.join(", ", PUBLIC_REQUEST_HEADERS);
    private final String publicUploadAllowHeaders = String.join(", ", PUBLIC_UPLOAD_REQUEST_HEADERS);
    private final String exposeHeaders = String.join(", ", RESPONSE_HEADERS);

    Cors(
            @ConfigProperty(name = "terpadu.cors.origins") Optional<List<String>> origins,
            @ConfigProperty(name = "terpadu.cors.public-origins") Optional<List<String>> publicOrigins,
            AllowedMethods methods) {
        this.origins = parse(origins, "terpadu.cors.origins");
        this.publicOrigins = parse(publicOrigins, "terpadu.cors.public-origins");
        this.methods = methods;
    }

    private static Set<String> parse(Optional<List<String>> origins, String property) {
        return origins.orElse(List.of()).stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .map(o -> checked(o, property))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An origin as a browser sends it: scheme, host and port if any, lower case, no path; {@code *} is refused. */
    private static String checked(String origin, String property) {
        String lower = origin.toLowerCase(Locale.ROOT);
        if (!lower.matches("https?://[a-z0-9.\\-\\[\\]:]+")) {
            throw new IllegalArgumentException(property + " holds \"" + origin
                    + "\": each entry must be one exact origin such as https://peta.example.go.id (no path, no *)");
        }
        return lower;
    }

    void install(@Observes Router router) {
        if (!origins.isEmpty() || !publicOrigins.isEmpty()) {
            // before the edge's own handlers (order -1000), so that every answer, a problem included, carries them
            router.route("/api/*").order(-1002).handler(this::handle);
        }
    }

    private void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        String lower = origin == null ? null : origin.toLowerCase(Locale.ROOT);
        boolean full = lower != null && origins.contains(lower);
        boolean publicOnly = !full
                && lower != null
                && publicOrigins.contains(lower)
                && ctx.normalizedPath().startsWith(PUBLIC_PATH);
        if (!full && !publicOnly) {
            ctx.addHeadersEndHandler(v -> varyByOrigin(ctx));
            ctx.next();
            return;
        }
        String requested = ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (ctx.request().method() == HttpMethod.OPTIONS && requested != null) {
            preflight(
                    ctx,
                    origin,
                    requested,
                    full
                            ? allowHeaders
                            : id.terpadu.common.ratelimit.Policy.isPublicUpload(ctx.normalizedPath())
                                    ? publicUploadAllowHeaders
                                    : publicAllowHeaders);
            return;
        }
        ctx.addHeadersEndHandler(v -> {
            varyByOrigin(ctx);
            ctx.response()
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposeHeaders);
        });
        ctx.next();
    }

    /** Adds {@code Origin} to whatever {@code Vary} the answer already has (content negotiation sets its own). */
    private static void varyByOrigin(RoutingContext ctx) {
        String vary = ctx.response().headers().get(HttpHeaders.VARY);
        ctx.response().putHeader(HttpHeaders.VARY, vary == null || vary.isBlank() ? "Origin" : vary + ", Origin");
    }

    private void preflight(RoutingContext ctx, String origin, String requested, String headers) {
        String allow = methods.allow(ctx.normalizedPath());
        boolean allowed = List.of(allow.split(", ")).contains(requested.trim());
        if (!allowed) {
            // unknown path or a method it refuses: the usual answer (404 or the Allow list), without CORS headers
            ctx.next();
            return;
        }
        ctx.response()
                .setStatusCode(204)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, allow)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Integer.toString(MAX_AGE_SECONDS))
                .putHeader(HttpHeaders.VARY, "Origin")
                .end();
    }
}
