package id.terpadu.common.http;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import id.terpadu.common.error.Languages;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.Problem;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.error.Problems;

/**
 * What happens to every HTTP request before it reaches a resource: the request id is fixed, and a body that
 * announces itself larger than the limit is refused with a problem document before it is read. Every other body is
 * read here, on the I/O thread, before a worker thread takes the request: the resources then read it from memory.
 * A worker therefore never waits for a slow client's body (a field app on a bad network sends it in pieces, and a
 * worker blocked on it is one fewer for everybody), and no request pays a hand-off between the two threads for each
 * piece. A chunked body (no Content-Length) is counted as it arrives and refused with the same problem once it
 * grows past the limit; left to the HTTP layer it would get a bare 413 without a body. A compressed body
 * ({@code Content-Encoding} other than {@code identity}) is refused with a 415 and {@code Accept-Encoding: identity}
 * before it is read.
 *
 * <p>A body read here may pause for at most the read timeout ({@code quarkus.http.read-timeout}): when no byte of it
 * arrived for that long, the request is answered 408 and its connection closed. The pieces of an upload are held to
 * the same timeout by {@link StreamedInput}, and a form by the framework's form reader; both close the connection,
 * having nobody to answer on a worker thread. A client that closes its connection before its body arrived whole is
 * logged as what it is, the client's doing, without a stack trace.
 */
@Singleton
public class HttpEdge {

    /** Where the edge notes the limit of a streamed body for {@link #limit}. */
    private static final String LIMIT = "terpadu.body-limit";
    /** Where the edge notes that the body it reads arrived whole (the handler after the body handler saw it). */
    private static final String BODY_READ = "terpadu.body-read";
    /** Where the edge notes that it answered a body that stopped arriving: nothing after it may answer again. */
    private static final String TIMED_OUT = "terpadu.body-timed-out";

    private final ObjectMapper mapper;
    private final long maxBody;
    private final BodyHandler bodies;
    private final List<StreamedBody> streamed;
    private final Duration bodyTimeout;

    HttpEdge(
            ObjectMapper mapper,
            @ConfigProperty(name = "terpadu.http.max-body-size") MemorySize maxBody,
            @All List<StreamedBody> streamed,
            @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s") Duration bodyTimeout) {
        this.mapper = mapper;
        this.maxBody = maxBody.asLongValue();
        this.bodies = BodyHandler.create(false).setBodyLimit(this.maxBody);
        this.streamed = streamed;
        this.bodyTimeout = bodyTimeout;
    }

    /**
     * The address a person opens first, in the start log: after every other start step (the shipped region list on a
     * new database takes seconds), since the HTTP server opens only when they are done.
     */
    void announce(
            @Observes @Priority(Integer.MAX_VALUE) StartupEvent event,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        Log.infof(
                "Terpadu is ready: the API is at http://localhost:%d/api/v1, Swagger UI at "
                        + "http://localhost:%d/q/swagger-ui (http://localhost:%d/ leads there)",
                port, port, port);
    }

    void install(@Observes Router router) {
        // the service's address leads a person to its documentation
        router.route("/")
                .method(io.vertx.core.http.HttpMethod.GET)
                .method(io.vertx.core.http.HttpMethod.HEAD)
                .order(-1001)
                .handler(ctx -> ctx.redirect("/q/swagger-ui/"));
        // the API document (about 1 MB of JSON, a tenth of it compressed) and Swagger UI's scripts (1.5 MB) are
        // compressed like the API's own answers: the framework's handlers of them mark their answers "identity"
        router.route("/q/openapi*").order(-1001).handler(HttpEdge::compressText);
        router.route("/q/swagger-ui*").order(-1001).handler(HttpEdge::compressText);
        router.route().order(-1000).handler(this::handle);
        router.route().order(-1000).failureHandler(this::failed);
        // right after the framework's own limit (which is the largest streamed body's): what a body read later, as it
        // arrives (a form, an upload's piece), may hold
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limit);
    }

    /**
     * Every answer may come compressed or not (quarkus.http.enable-compression): a shared cache must not hand a gzip
     * copy to a client that did not ask for one. The HTTP layer says so only when no one else set {@code Vary}; CORS
     * and content negotiation set their own, so it is added to theirs.
     */
    private static void varyByEncoding(RoutingContext ctx) {
        String vary = ctx.response().headers().get(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            ctx.response().putHeader(HttpHeaders.VARY, "Accept-Encoding");
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
            ctx.response().putHeader(HttpHeaders.VARY, vary + ", Accept-Encoding");
        }
    }

    /** Lets the HTTP layer compress a text answer (for a client that accepts it) that its handler marked identity. */
    private static void compressText(RoutingContext ctx) {
        ctx.addHeadersEndHandler(end -> {
            String type = ctx.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if ("identity".equals(ctx.response().headers().get(HttpHeaders.CONTENT_ENCODING))
                    && type != null
                    && (type.startsWith("text/")
                            || type.startsWith("application/json")
                            || type.startsWith("application/yaml")
                            || type.startsWith("application/javascript"))) {
                ctx.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
            }
        });
        ctx.next();
    }

    /**
     * The body handler refuses a body past the limit with a failure of status 413: answer it as a problem. A body
     * whose connection closed before it arrived whole (the client went away, or the edge answered 408 and closed it)
     * has nobody to answer and is no failure of the service: it is logged without a stack trace, and not handed to
     * the framework's error handler, which would log it as an error.
     */
    private void failed(RoutingContext ctx) {
        if (ctx.statusCode() == 413 && ctx.failure() == null && !ctx.response().headWritten()) {
            writeProblem(ctx, ProblemType.PAYLOAD_TOO_LARGE, Message.of("http.body-limit", "max", maxBody));
            return;
        }
        if (ctx.get(TIMED_OUT) != null) {
            return;
        }
        if (isDropped(ctx)) {
            Log.infof(
                    "The client closed the connection of %s %s after %d bytes of its body, before the body arrived "
                            + "whole; nothing was answered (request %s)",
                    ctx.request().method(),
                    RequestLog.redacted(ctx.request().path()),
                    ctx.request().bytesRead(),
                    ctx.response().headers().get(RequestIds.HEADER));
            return;
        }
        ctx.next();
    }

    /** A failure that is the connection's closing: the client's, not the service's. */
    private static boolean isDropped(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        return failure instanceof HttpClosedException
                || failure instanceof ClosedChannelException
                || failure instanceof IOException && ctx.response().closed();
    }

    /**
     * Answers 408 and closes the connection once no byte of the body the edge reads arrived for the read timeout. The
     * check runs on the request's own event loop a few times per timeout, and ends with the body (read whole, as the
     * handlers after the body handler see it: the request itself may be paused, and so not "ended", while a worker
     * runs it), the answer or the connection.
     */
    private void watch(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long timeout = bodyTimeout.toNanos();
        long[] last = {request.bytesRead(), System.nanoTime()};
        long timer = ctx.vertx().setPeriodic(Math.max(50, bodyTimeout.toMillis() / 4), id -> {
            if (ctx.get(BODY_READ) != null
                    || ctx.body().buffer() != null
                    || ctx.response().ended()
                    || ctx.response().closed()) {
                ctx.vertx().cancelTimer(id);
                return;
            }
            long now = System.nanoTime();
            if (request.bytesRead() != last[0]) {
                last[0] = request.bytesRead();
                last[1] = now;
            } else if (now - last[1] >= timeout) {
                ctx.vertx().cancelTimer(id);
                timedOut(ctx);
            }
        });
        ctx.addEndHandler(end -> ctx.vertx().cancelTimer(timer));
    }

    /** RFC 9110 §15.5.9: a 408 closes the connection, whose unread rest of the body no request could follow. */
    private void timedOut(RoutingContext ctx) {
        ctx.put(TIMED_OUT, Boolean.TRUE);
        Log.infof(
                "No byte of the body of %s %s arrived for %d ms after %d bytes: answered 408 and closed the connection "
                        + "(request %s)",
                ctx.request().method(),
                RequestLog.redacted(ctx.request().path()),
                bodyTimeout.toMillis(),
                ctx.request().bytesRead(),
                ctx.response().headers().get(RequestIds.HEADER));
        writeProblem(
                        ctx,
                        ProblemType.REQUEST_TIMEOUT,
                        Message.of("http.body-timeout", "seconds", Math.max(1, bodyTimeout.toSeconds())))
                .onComplete(written -> {
                    if (ctx.request().version() != HttpVersion.HTTP_2) {
                        ctx.request().connection().close();
                    }
                });
    }

    /** The most bytes a body read after this edge may hold: a streamed body's own limit, else the JSON limit. */
    private void limit(RoutingContext ctx) {
        if (ctx.get(TIMED_OUT) != null) {
            // the body came whole after its 408 was sent: it was answered, and is not run
            return;
        }
        ctx.put(BODY_READ, Boolean.TRUE);
        Long own = ctx.get(LIMIT);
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, own != null ? own : maxBody);
        ctx.next();
    }

    /**
     * {@code If-None-Match} uses the weak comparison (RFC 9110 §13.1.2): {@code W/"3"} names the same version as
     * {@code "3"}, and a proxy that compresses answers (nginx's gzip) turns the tags it passes on weak, so its clients
     * sent back tags that never matched and got every answer whole. The framework compares strongly, so the edge reads
     * the header's tags as strong ones. {@code If-Match} keeps the strong comparison: a weak tag never matches it.
     */
    private static void weakNoneMatch(RoutingContext ctx) {
        List<String> lines = ctx.request().headers().getAll(HttpHeaders.IF_NONE_MATCH);
        if (lines.stream().anyMatch(line -> line.contains("W/"))) {
            // every line of the header, as one list (RFC 9110 §5.3 lets a list be split over lines)
            ctx.request()
                    .headers()
                    .set(HttpHeaders.IF_NONE_MATCH, String.join(", ", lines).replace("W/\"", "\""));
        }
    }

    private void handle(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        ctx.addHeadersEndHandler(end -> varyByEncoding(ctx));
        weakNoneMatch(ctx);
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = length != null
                ? !length.trim().equals("0")
                : ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (hasBody && isEncoded(ctx.request().headers().getAll(HttpHeaders.CONTENT_ENCODING))) {
            // RFC 9110 §15.5.16: a content coding the server does not take is a 415 that says which it takes
            ctx.response().putHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            writeProblem(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE, Message.of("http.content-encoding"));
            return;
        }
        for (StreamedBody body : streamed) {
            if (body.streams(ctx.request())) {
                // read by its resource as it arrives, up to its own limit (counted by the framework when chunked)
                if (length != null && isTooLarge(length, body.limit())) {
                    writeProblem(
                            ctx,
                            ProblemType.PAYLOAD_TOO_LARGE,
                            Message.of(
                                    "http.body-limit.announced",
                                    "max",
                                    body.limit(),
                                    "length",
                                    Long.parseLong(length.trim())));
                    return;
                }
                ctx.put(LIMIT, body.limit());
                ctx.next();
                return;
            }
        }
        if (length != null && isTooLarge(length, maxBody)) {
            writeProblem(
                    ctx,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    Message.of("http.body-limit.announced", "max", maxBody, "length", Long.parseLong(length.trim())));
            return;
        }
        if (hasBody
                && !ctx.request().path().startsWith("/q/")
                && !isForm(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            watch(ctx);
            bodies.handle(ctx);
            return;
        }
        ctx.next();
    }

    /**
     * A form, which no operation takes: left to the resources, which answer 415 without reading it. The body handler
     * would decode it into form fields first, and a malformed one would fail there with an unhandled exception.
     */
    private static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }

    /**
     * Whether a body comes compressed (gzip, br, deflate …): no request body is decoded here. Decoding would have to hold
     * every body, the upload pieces and the forms among them, to its limit after decoding, and a few kilobytes of gzip
     * can stand for gigabytes; the compressed bodies a field app would save on are photos and videos, which compress
     * no further. {@code identity}, the absence of a coding, is taken.
     */
    static boolean isEncoded(List<String> lines) {
        for (String line : lines) {
            for (String coding : line.split(",")) {
                String name = coding.trim();
                if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTooLarge(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Future<Void> writeProblem(RoutingContext ctx, ProblemType type, Message detail) {
        String language = Languages.pick(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem =
                Problems.of(type, detail, null, null, language, ctx.request().path());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + type.status() + "}";
        }
        return ctx.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(HttpHeaders.VARY, "Accept-Language")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
