package id.terpadu.feed;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.error.Message;
import id.terpadu.common.paging.PageRequest;

/**
 * What a pull of the change feed takes, as sent ({@code @BeanParam FeedFilters filters}): where to resume
 * ({@code after}), how many entries, and which record types, each documented with the type and bounds that
 * {@link #page()} (or {@link FeedService#parseTypes}, for the types) enforces. The values {@code types} may take are
 * added to the document at start ({@link PublishedTypes}).
 */
public class FeedFilters {

    @QueryParam("after")
    @Parameter(
            description = "The `nextCursor` (or an entry's `cursor`) you last saw",
            schema =
                    @Schema(
                            type = SchemaType.STRING,
                            maxLength = PageRequest.MAX_CURSOR_LENGTH,
                            pattern = PageRequest.CURSOR))
    String after;

    @QueryParam("types")
    @Parameter(
            description = "Record types, comma-separated (default: all)",
            example = "incident,early-warning",
            schema = @Schema(type = SchemaType.ARRAY))
    String types;

    @QueryParam("limit")
    @Parameter(
            description = "At most this many entries, 1–200 (default 50)",
            example = "200",
            schema =
                    @Schema(
                            type = SchemaType.INTEGER,
                            format = "int32",
                            minimum = "1",
                            maximum = PageRequest.MAX_LIMIT + ""))
    String limit;

    /** The page asked for; a malformed limit or cursor is a 400 naming {@code limit} or {@code after}. */
    PageRequest page() {
        return PageRequest.of(limit, after, "after", Message.of("feed.cursor"));
    }

    String types() {
        return types;
    }
}
