package id.terpadu.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's channels per kind of event, as stored (a kind without an entry reaches both channels). */
final class Preferences {

    private Preferences() {}

    /** The channels of one kind. */
    @Schema(hidden = true)
    record Channels(boolean inbox, boolean email) {
        static final Channels ALL = new Channels(true, true);
    }
}
