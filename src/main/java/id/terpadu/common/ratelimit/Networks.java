package id.terpadu.common.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;

/**
 * The network of a client address, as the public reports' second budget counts it: the /24 of an IPv4 address, the
 * /48 of an IPv6 one (an IPv4-mapped IPv6 address is its IPv4 address). Anything that is not an address literal is
 * its own network.
 */
final class Networks {

    private Networks() {}

    static String of(String address) {
        if (address == null || address.isEmpty() || !address.matches("^[0-9A-Fa-f:.%a-zA-Z]*$")) {
            return String.valueOf(address);
        }
        // only literals reach here (digits, hex, dots and colons), so no name is ever looked up
        if (!address.contains(":") && !address.matches("^[0-9.]+$")) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            if (parsed instanceof Inet6Address) {
                HexFormat hex = HexFormat.of();
                return hex.formatHex(bytes, 0, 2) + ":" + hex.formatHex(bytes, 2, 4) + ":" + hex.formatHex(bytes, 4, 6)
                        + "::/48";
            }
        } catch (Exception e) {
            // not an address: counted on its own
        }
        return address;
    }
}
