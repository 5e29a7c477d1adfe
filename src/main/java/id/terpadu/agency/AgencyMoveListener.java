package id.terpadu.agency;

import java.util.UUID;

/**
 * Told that an agency moved to another region (its PUT or merge patch changed {@code regionCode}), inside the moving
 * transaction and after the agency's own change is logged, so that a feature whose records take their region from the
 * agency follows it through {@code Records} (each change then is in the change log like any other) and commits or
 * rolls back with the move. {@code from} or {@code to} is null for a national agency.
 */
public interface AgencyMoveListener {

    void moved(UUID agencyId, String from, String to);
}
