package id.terpadu.common.paging;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters every list takes ({@code @BeanParam PageParams page}), documented with the bounds
 * {@link PageRequest} enforces.
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(
            description = "Page size, 1–200 (default 50)",
            example = "50",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = PageRequest.MAX_LIMIT + ""))
    String limit;

    @QueryParam("cursor")
    @Parameter(
            description = "The `nextCursor` of the previous page; absent for the first page",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = PageRequest.MAX_CURSOR_LENGTH,
                            pattern = PageRequest.CURSOR))
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
