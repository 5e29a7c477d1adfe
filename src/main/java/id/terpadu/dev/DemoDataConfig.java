package id.terpadu.dev;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.demo-data.*}: the demonstration data set (development tokens must be on too). */
@ConfigMapping(prefix = "terpadu.demo-data")
public interface DemoDataConfig {

    /** Whether {@code POST /api/v1/dev/demo-data} may load it. */
    boolean enabled();

    /** Whether it is loaded at start on a new database (development mode). */
    boolean atStart();
}
