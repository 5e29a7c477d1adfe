package id.terpadu.common.http;

import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The access log: one line per answered request with the method, the route it matched ({@code /api/v1/incidents/{id}})
 * rather than the path it was called with, status, bytes, time and request id; a connection that closed before the
 * answer was complete is said so, with {@code -} for the status when no answer was sent at all. Neither the query string nor the values
 * in the path are logged, because either can carry a name or an identity number (UU 27/2022): a free-text search, or a
 * NIK typed where an id belongs. When no route matched, every path segment that is not a plain lower-case word, a UUID
 * or a region code is logged as {@code *}.
 */
@Singleton
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("terpadu.access");
    /** Where the REST layer keeps the matched route template for its metrics, in the request's context. */
    private static final String TEMPLATE_KEY = "UrlPathTemplate";

    private static final Pattern KEPT = Pattern.compile(
            "[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*"
                    + "|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{2}(?:\\.[0-9]{2}(?:\\.[0-9]{2}(?:\\.[0-9]{4})?)?)?");

    void install(@Observes Router router) {
        router.route().order(-1001).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (LOG.isInfoEnabled() && !ctx.request().path().startsWith("/q/")) {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> LOG.infof(
                    "%s \"%s %s\" %s %d %d ms rid=%s%s",
                    ctx.request().remoteAddress().hostAddress(),
                    ctx.request().method(),
                    route(ctx),
                    status(ctx, done.succeeded()),
                    ctx.response().bytesWritten(),
                    (System.nanoTime() - start) / 1_000_000,
                    ctx.response().headers().get(RequestIds.HEADER),
                    done.succeeded() ? "" : " closed before the answer was complete"));
        }
        ctx.next();
    }

    /**
     * The status the answer was sent with; {@code -} when the connection closed before any answer was sent (a client
     * that went away in the middle of its body), whose status would otherwise read as the 200 nobody sent.
     */
    private static String status(RoutingContext ctx, boolean complete) {
        return complete || ctx.response().headWritten()
                ? Integer.toString(ctx.response().getStatusCode())
                : "-";
    }

    private static String route(RoutingContext ctx) {
        Object template = ctx.request() instanceof HttpServerRequestInternal internal
                ? internal.context().getLocal(TEMPLATE_KEY)
                : null;
        return template instanceof String t ? t : redacted(ctx.request().path());
    }

    /** The path with every segment that could hold something personal replaced by {@code *}. */
    static String redacted(String path) {
        if (path == null) {
            return "";
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (!segments[i].isEmpty() && !KEPT.matcher(segments[i]).matches()) {
                segments[i] = "*";
            }
        }
        return String.join("/", segments);
    }
}
