package id.terpadu.common.http;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * No HTTP/2 over cleartext by upgrade (h2c): a request that asks for it is answered over HTTP/1.1, as RFC 9113 lets a
 * server do. The upgrade path lost the body of a request that carried one (a POST from Java's own HttpClient, which
 * asks for h2c by default on an http:// address, was answered 500). HTTP/2 over TLS, negotiated by ALPN, is unchanged.
 */
@Singleton
public class ClearTextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
