package id.terpadu.common.http;

import java.util.UUID;

/** A record as the API answers it: its id, and the version its ETag is made of. */
public interface Versioned {

    UUID id();

    long version();

    /** The ETag's value (without quotes): the version, unless the record says more (see {@link Attachable}). */
    default String etag() {
        return Long.toString(version());
    }
}
