package id.terpadu.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/**
 * Where a webhook may be sent: an absolute https URL without credentials or fragment whose host resolves only to
 * public addresses. Loopback, private (RFC 1918), carrier-grade NAT (RFC 6598), link-local (incl. cloud metadata
 * 169.254.169.254), unique-local (fc00::/7), any-local, multicast and broadcast addresses are refused, checking
 * every address the host resolves to. {@code allowPrivate} (the development flag
 * {@code terpadu.webhooks.allow-private-targets}) lifts the address rule and allows http.
 * <p>
 * The address is checked again before every attempt, so a name that later resolves to a private address is
 * refused then. (The HTTP client resolves the name once more itself; a resolver that answers differently within
 * that instant is not caught. Redirects are never followed.)
 */
public final class TargetUrls {

    static final int MAX_LENGTH = 2000;

    private TargetUrls() {}

    /** The URL, checked: a 400 naming {@code field} when it may not receive webhooks. */
    public static URI check(String url, boolean allowPrivate, String field) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, Message.of("webhook.url.syntax"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw ProblemException.invalid(field, Message.of("webhook.url.https"));
        }
        if (uri.getHost() == null || uri.getRawAuthority() == null) {
            throw ProblemException.invalid(field, Message.of("webhook.url.host"));
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid(field, Message.of("webhook.url.credentials"));
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.invalid(field, Message.of("webhook.url.fragment"));
        }
        Message refused = refusedAddress(uri.getHost(), allowPrivate);
        if (refused != null) {
            throw ProblemException.invalid(field, refused);
        }
        return uri;
    }

    /**
     * Why the host may not receive webhooks (it does not resolve, or resolves to a non-public address), or
     * {@code null} when it may. Used at subscription and before every attempt. The host, which the client chose, is
     * not repeated.
     */
    public static Message refusedAddress(String host, boolean allowPrivate) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return Message.of("webhook.host.unresolved");
        }
        if (allowPrivate) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Message.of("webhook.host.not-public", "address", address.getHostAddress());
            }
        }
        return null;
    }

    /** Whether an address is a public unicast address. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, RFC 6598
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique-local fc00::/7
                return false;
            }
            if (isMappedOrCompatibleV4(b)) { // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            int high = (b[0] & 0xff) << 8 | (b[1] & 0xff);
            int next = (b[2] & 0xff) << 8 | (b[3] & 0xff);
            if (high == 0x2001 && next == 0) { // Teredo 2001::/32 tunnels to an IPv4 address of its choosing
                return false;
            }
            if (high == 0x0064 && next == 0xff9b) { // NAT64 64:ff9b::/96 (RFC 6052) and 64:ff9b:1::/48 (RFC 8215)
                boolean wellKnown = java.util.stream.IntStream.range(4, 12).allMatch(i -> b[i] == 0);
                if (!wellKnown) {
                    return false; // the local-use prefix translates to whatever the network chose
                }
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            if (high == 0x2002) { // 6to4 2002::/16 embeds an IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0;
        return mapped || compatible;
    }
}
