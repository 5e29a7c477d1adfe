package id.terpadu.common.http;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answers of a write that return the record: its body with its ETag, and for a create its Location. */
public final class Answers {

    private Answers() {}

    /** 201 Created: the record, its ETag, and its Location, the request's path followed by the record's id. */
    public static Response created(UriInfo request, Versioned record) {
        return created(
                request.getAbsolutePathBuilder().path(record.id().toString()).build(), record);
    }

    /** 201 Created for a record that lives elsewhere than below the request's path. */
    public static Response created(URI location, Versioned record) {
        return Response.created(location).tag(ETags.of(record)).entity(record).build();
    }

    /** 200 OK: the record after the change, and its new ETag. */
    public static Response ok(Versioned record) {
        return Response.ok(record).tag(ETags.of(record)).build();
    }
}
