package id.terpadu.common.http;

import java.util.UUID;

/** A record as the API answers it: its id, and the version that is its ETag. */
public interface Versioned {

    UUID id();

    long version();
}
