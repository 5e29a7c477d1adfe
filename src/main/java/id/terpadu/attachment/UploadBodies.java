package id.terpadu.attachment;

import java.io.InputStream;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import id.terpadu.common.http.StreamedBody;
import id.terpadu.common.http.StreamedInput;

/** The pieces of a tus upload are read as they arrive, up to the largest upload. */
@ApplicationScoped
class UploadBodies implements StreamedBody {

    private final AttachmentService service;
    private final Duration readTimeout;

    UploadBodies(
            AttachmentService service,
            @ConfigProperty(name = "quarkus.http.read-timeout", defaultValue = "60s") Duration readTimeout) {
        this.service = service;
        this.readTimeout = readTimeout;
    }

    /** The piece a request carries, as it arrives; a read that waits longer than the HTTP read timeout fails. */
    InputStream open(HttpServerRequest request) {
        return StreamedInput.of(request, readTimeout);
    }

    @Override
    public boolean streams(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return (request.method() == HttpMethod.PATCH || request.method() == HttpMethod.POST)
                && (request.path().startsWith(UploadResource.PATH) || PublicUploadResource.owns(request.path()))
                && type != null
                && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith(Tus.OFFSET_OCTET_STREAM);
    }

    @Override
    public long limit() {
        return service.maxUpload();
    }
}
