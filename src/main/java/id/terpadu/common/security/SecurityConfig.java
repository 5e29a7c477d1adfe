package id.terpadu.common.security;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotEmpty;

import io.smallrye.config.ConfigMapping;

/** {@code terpadu.confidential.*} and {@code terpadu.dev-tokens.*}: who reads CONFIDENTIAL, and development tokens. */
public interface SecurityConfig {

    /** Which agencies' staff may read CONFIDENTIAL records. */
    @ConfigMapping(prefix = "terpadu.confidential")
    interface Confidential {
        /** Agency types cleared for CONFIDENTIAL (BIN by default). */
        @NotEmpty
        List<String> agencyTypes();

        /** Single agencies cleared besides their type, by id. */
        Optional<List<String>> agencyIds();
    }

    /** Development tokens: {@code POST /api/v1/dev/tokens}, signed with the DEVELOPMENT-ONLY key. */
    @ConfigMapping(prefix = "terpadu.dev-tokens")
    interface DevTokens {
        boolean enabled();

        /** The DEVELOPMENT-ONLY private key (read at start only when enabled). */
        String privateKeyLocation();
    }
}
