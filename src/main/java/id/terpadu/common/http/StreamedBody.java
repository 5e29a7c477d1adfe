package id.terpadu.common.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * A request whose body a resource reads as a stream, as it arrives, instead of from memory: the pieces of an upload.
 * The HTTP edge leaves such a body unread and holds it to this limit instead of the one for JSON bodies; a feature
 * that takes such bodies says which requests they are.
 */
public interface StreamedBody {

    /** Whether this request's body is read as a stream by its resource. */
    boolean streams(HttpServerRequest request);

    /** The most bytes such a body may have. */
    long limit();
}
