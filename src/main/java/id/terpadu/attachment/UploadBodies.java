package id.terpadu.attachment;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import id.terpadu.common.http.StreamedBody;

/** The pieces of a tus upload are read as they arrive, up to the largest upload. */
@ApplicationScoped
class UploadBodies implements StreamedBody {

    private final AttachmentService service;

    UploadBodies(AttachmentService service) {
        this.service = service;
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
