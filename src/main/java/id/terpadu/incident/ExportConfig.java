package id.terpadu.incident;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.exports.*}. */
@ConfigMapping(prefix = "terpadu.exports")
public interface ExportConfig {

    /** The longest an export may stream before it is ended (a slow reader holds a connection no longer). */
    Duration maxDuration();
}
