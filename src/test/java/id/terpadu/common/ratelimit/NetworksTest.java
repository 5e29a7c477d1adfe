package id.terpadu.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The network a public report's second budget counts: /24 for IPv4, /48 for IPv6, never a name looked up. */
class NetworksTest {

    @Test
    void addressesAreCountedByTheirNetwork() {
        assertThat(Networks.of("182.253.17.201")).isEqualTo("182.253.17.0/24");
        assertThat(Networks.of("182.253.17.9")).isEqualTo(Networks.of("182.253.17.201"));
        assertThat(Networks.of("182.253.18.9")).isNotEqualTo(Networks.of("182.253.17.201"));
        assertThat(Networks.of("2001:db8:1234:5678::1")).isEqualTo("2001:0db8:1234::/48");
        assertThat(Networks.of("2001:db8:1234:ffff::2")).isEqualTo(Networks.of("2001:db8:1234:5678::1"));
        assertThat(Networks.of("::ffff:10.1.2.3")).isEqualTo("10.1.2.0/24");
        assertThat(Networks.of("unknown")).isEqualTo("unknown");
        assertThat(Networks.of("example.com")).isEqualTo("example.com");
    }

    @Test
    void thePublicReportIsRecognised() {
        assertThat(Policy.isPublicReport("POST", "/api/v1/public/reports")).isTrue();
        assertThat(Policy.isPublicReport("GET", "/api/v1/public/reports")).isFalse();
        assertThat(Policy.isPublicReport("POST", "/api/v1/incidents")).isFalse();
        assertThat(Policy.PUBLIC_REPORTS.id()).isEqualTo("public-reports");
    }
}
