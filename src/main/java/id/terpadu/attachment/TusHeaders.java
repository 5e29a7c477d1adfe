package id.terpadu.attachment;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import id.terpadu.common.http.AllowedMethods;

/**
 * tus's headers around every answer of {@code /api/v1/uploads}: {@code Tus-Resumable} on each (errors too), and the
 * discovery answer to {@code OPTIONS} (versions, extensions, largest upload, checksum algorithms) next to its
 * {@code Allow}. It runs before the common {@code OPTIONS} answer, which knows nothing of tus.
 */
class TusHeaders {

    private final AttachmentService service;
    private final AllowedMethods allowed;

    TusHeaders(AttachmentService service, AllowedMethods allowed) {
        this.service = service;
        this.allowed = allowed;
    }

    @ServerRequestFilter(preMatching = true, priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response discovery(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!"OPTIONS".equals(request.getMethod()) || !(UploadResource.owns(path) || PublicUploadResource.owns(path))) {
            return null;
        }
        String allow = allowed.allow(path);
        if (allow.isEmpty()) {
            return null;
        }
        return Response.noContent()
                .header("Allow", allow)
                .header(Tus.TUS_VERSION, Tus.VERSION)
                .header(Tus.TUS_EXTENSION, Tus.EXTENSIONS)
                .header(Tus.TUS_MAX_SIZE, service.maxUpload())
                .header(Tus.TUS_CHECKSUM_ALGORITHM, Tus.CHECKSUM_ALGORITHMS)
                .build();
    }

    @ServerResponseFilter
    public void resumable(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (UploadResource.owns(path) || PublicUploadResource.owns(path)) {
            response.getHeaders().putSingle(Tus.TUS_RESUMABLE, Tus.VERSION);
            if (response.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                response.getHeaders().putSingle(Tus.TUS_VERSION, Tus.VERSION);
            }
        }
    }
}
