package id.terpadu.common.paging;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes ({@code @BeanParam PageParams page}). */
public class PageParams {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1–200 (default 50)", example = "50")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `nextCursor` of the previous page; absent for the first page")
    String cursor;

    @Context
    UriInfo uri;

    public PageRequest request() {
        return PageRequest.of(limit, cursor);
    }

    /** 200 with the page and its {@code Link: rel="next"}. */
    public Response ok(Page<?> page) {
        return Keyset.ok(page, uri);
    }
}
