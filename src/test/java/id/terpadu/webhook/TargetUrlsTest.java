package id.terpadu.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;

/**
 * Where a webhook may go (a guard against server-side request forgery, OWASP API7:2023): the address ranges at their
 * edges, and the shape of the URL. Only address literals and {@code localhost} are used, so no test waits on DNS.
 * {@code WebhookUnitTest} holds the list of typical private targets. No Quarkus boot.
 */
class TargetUrlsTest {

    @Test
    void ipv4RangesAreRefusedExactlyAtTheirEdges() {
        List<String> notPublic = List.of(
                "0.0.0.0",
                "0.255.255.255",
                "10.0.0.0",
                "10.255.255.255",
                "100.64.0.0",
                "100.127.255.255",
                "127.0.0.1",
                "127.255.255.254",
                "169.254.0.0",
                "169.254.169.254",
                "169.254.255.255",
                "172.16.0.0",
                "172.31.255.255",
                "192.0.0.0",
                "192.0.0.255",
                "192.168.0.0",
                "192.168.255.255",
                "198.18.0.0",
                "198.19.255.255",
                "224.0.0.0",
                "239.255.255.255",
                "240.0.0.0",
                "255.255.255.255");
        List<String> publicOnes = List.of(
                "1.1.1.1",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "93.184.216.34");
        assertThat(misjudged(notPublic, false)).as("taken for public").isEmpty();
        assertThat(misjudged(publicOnes, true)).as("taken for non-public").isEmpty();
    }

    @Test
    void ipv6RangesAndEmbeddedIpv4AreRefused() {
        List<String> notPublic = List.of(
                "::",
                "::1",
                "fe80::1",
                "febf:ffff::1",
                "fc00::1",
                "fdff:ffff::1",
                "fec0::1",
                "ff02::1",
                "ff0e::1",
                // IPv4-mapped and IPv4-compatible forms are judged by the IPv4 address they carry
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "::0.0.0.1",
                "::10.1.2.3",
                // 6to4 (2002::/16) carries an IPv4 address in its bits 16–47
                "2002:7f00:0001::1",
                "2002:0a00:0001::",
                "2002:a9fe:a9fe::1",
                "2002:c0a8:0101::",
                // NAT64 (64:ff9b::/96) translates to the IPv4 address in its last 32 bits; the local-use prefix
                // (64:ff9b:1::/48) and Teredo (2001::/32) reach addresses the network or the tunnel chooses
                "64:ff9b::a9fe:a9fe",
                "64:ff9b::7f00:1",
                "64:ff9b::a00:1",
                "64:ff9b:1::808:808",
                "2001:0:4136:e378::1");
        List<String> publicOnes = List.of(
                "2001:4860:4860::8888",
                "2606:4700:4700::1111",
                "fbff::1",
                "fe7f::1",
                "::ffff:8.8.8.8",
                "::8.8.8.8",
                "2002:0808:0808::1",
                "64:ff9b::808:808",
                "2001:1::1");
        assertThat(misjudged(notPublic, false)).as("taken for public").isEmpty();
        assertThat(misjudged(publicOnes, true)).as("taken for non-public").isEmpty();
    }

    @Test
    void obfuscatedLoopbackLiteralsAreStillLoopback() {
        // Java reads 127.1 and 2130706433 as 127.0.0.1: the check sees the address, not the spelling
        assertThat(TargetUrls.refusedAddress("127.1", false)).isNotNull();
        assertThat(TargetUrls.refusedAddress("2130706433", false)).isNotNull();
        assertThat(refused("https://2130706433/hook", false)).isNotNull();
        assertThat(refused("https://127.1/hook", false)).isNotNull();
    }

    @Test
    void theRefusalNamesTheAddressItResolvedTo() {
        Message refused = TargetUrls.refusedAddress("localhost", false);
        assertThat(refused.key()).isEqualTo("webhook.host.not-public");
        assertThat(refused.params().get("address").toString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(TargetUrls.refusedAddress("[::1]", false).params()).containsEntry("address", "0:0:0:0:0:0:0:1");
        assertThat(TargetUrls.refusedAddress("93.184.216.34", false)).isNull();
        // the development flag lifts the address rule, not resolution
        assertThat(TargetUrls.refusedAddress("127.0.0.1", true)).isNull();
    }

    @Test
    void aPublicHttpsUrlIsKeptAsGiven() {
        URI uri = TargetUrls.check("  https://93.184.216.34:8443/hooks/terpadu?team=13  ", false, "url");
        assertThat(uri.toString()).isEqualTo("https://93.184.216.34:8443/hooks/terpadu?team=13");
        assertThat(TargetUrls.check("HTTPS://93.184.216.34/hook", false, "url").getHost())
                .isEqualTo("93.184.216.34");
        assertThat(TargetUrls.check("https://[2606:4700:4700::1111]/hook", false, "url")
                        .getPort())
                .isEqualTo(-1);
    }

    @Test
    void eachMalformedUrlIsA400WithItsReasonOnTheField() {
        assertReason("https://exa mple.com/hook", true, "webhook.url.syntax");
        assertReason("http://93.184.216.34/hook", false, "webhook.url.https");
        assertReason("ftp://93.184.216.34/hook", true, "webhook.url.https");
        assertReason("javascript:alert(1)", true, "webhook.url.https");
        assertReason("//93.184.216.34/hook", true, "webhook.url.https");
        assertReason("https:opaque", true, "webhook.url.host");
        assertReason("https:///hook", true, "webhook.url.host");
        assertReason("https://my_host.example/hook", true, "webhook.url.host");
        assertReason("https://user@93.184.216.34/hook", true, "webhook.url.credentials");
        assertReason("https://user:secret@93.184.216.34/hook", true, "webhook.url.credentials");
        assertReason("https://93.184.216.34/hook#", true, "webhook.url.fragment");
        assertReason("https://93.184.216.34/hook#part", true, "webhook.url.fragment");
        assertReason("https://10.0.0.1/hook", false, "webhook.host.not-public");
        assertReason("https://[::ffff:192.168.1.1]/hook", false, "webhook.host.not-public");
    }

    @Test
    void theDevelopmentFlagAllowsHttpAndPrivateTargetsButNothingElse() {
        assertThat(TargetUrls.check("http://localhost:8080/hook", true, "url").getPort())
                .isEqualTo(8080);
        assertThat(TargetUrls.check("http://10.0.0.1/hook", true, "url").getScheme())
                .isEqualTo("http");
        assertReason("http://user@10.0.0.1/hook", true, "webhook.url.credentials");
        assertReason("gopher://10.0.0.1/hook", true, "webhook.url.https");
    }

    @Test
    void theFieldNameIsTheCallers() {
        ProblemException e = refused("ftp://93.184.216.34/", true, "subscription.url");
        assertThat(e.errors())
                .singleElement()
                .satisfies(f -> assertThat(f.field()).isEqualTo("subscription.url"));
    }

    private static void assertReason(String url, boolean allowPrivate, String key) {
        ProblemException e = refused(url, allowPrivate);
        assertThat(e).as(url).isNotNull();
        assertThat(e.type()).as(url).isEqualTo(ProblemType.VALIDATION);
        assertThat(e.errors()).as(url).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("url");
            assertThat(f.code()).as(url).isEqualTo(key);
        });
    }

    private static ProblemException refused(String url, boolean allowPrivate) {
        return refused(url, allowPrivate, "url");
    }

    private static ProblemException refused(String url, boolean allowPrivate, String field) {
        return catchThrowableOfType(ProblemException.class, () -> TargetUrls.check(url, allowPrivate, field));
    }

    /** The literals whose judgement is not {@code expectPublic}. */
    private static List<String> misjudged(List<String> literals, boolean expectPublic) {
        return literals.stream()
                .filter(literal -> TargetUrls.isPublic(address(literal)) != expectPublic)
                .collect(Collectors.toList());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(literal, e);
        }
    }
}
