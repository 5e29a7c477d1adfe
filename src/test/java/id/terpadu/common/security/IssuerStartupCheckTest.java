package id.terpadu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Production refuses the issuers of development realms unless allowed on purpose, and issuers without TLS. */
class IssuerStartupCheckTest {

    private static final String DEV_REALM = "http://127.0.0.1:19380/realms/terpadu-development-only";

    @Test
    void productionRefusesADevelopmentRealmUnlessAllowedAndSaysSoLoudly() {
        assertThatThrownBy(() -> SecurityStartupCheck.checkIssuers(true, false, List.of(DEV_REALM)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("DEVELOPMENT-ONLY realm");
        assertThat(SecurityStartupCheck.checkIssuers(true, true, List.of(DEV_REALM)))
                .singleElement()
                .asString()
                .contains("DEVELOPMENT-ONLY REALM ALLOWED");
        assertThat(SecurityStartupCheck.checkIssuers(false, false, List.of(DEV_REALM)))
                .isEmpty();
    }

    @Test
    void productionRefusesAnIssuerWithoutTlsOnAnotherHost() {
        assertThatThrownBy(() ->
                        SecurityStartupCheck.checkIssuers(true, false, List.of("http://sso.example.go.id/realms/asn")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https");
        assertThat(SecurityStartupCheck.checkIssuers(
                        true, false, List.of("https://sso.example.go.id/realms/asn", "http://localhost:8180/realms/x")))
                .isEmpty();
    }
}
