package id.terpadu.common.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and the cursor of the next page ({@code null} on the last page). */
public record Page<T>(
        List<T> items,

        @Schema(
                description = "Pass as `cursor` to get the next page; null on the last page",
                example = "QWdlbmN5IE5hbWUfMGEzZjA1YjAtOWM0Zi00YjIzLWI3ZGQtNmY0ZTNkMGQ3ZTFh")
        String nextCursor) {

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
