package nl.govroam.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 address or CIDR network ({@code 192.0.2.10}, {@code 10.1.0.0/16}, {@code 2001:db8::/32}). */
public final class IpRange {
    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /**
     * Parses an address or CIDR. Only numeric addresses are accepted (a host name would need DNS at load time).
     *
     * @throws IllegalArgumentException with a message an admin can act on
     */
    public static IpRange parse(String text) {
        String s = text.trim();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        if (addressPart.isEmpty() || !addressPart.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
        }
        if (!addressPart.contains(":") && !addressPart.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
        }
        if (!addressPart.contains(":")
                && java.util.Arrays.stream(addressPart.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            // checked here: InetAddress would take an invalid literal for a host name and ask DNS
            throw new IllegalArgumentException("'" + text + "' is not an IP address: each part must be 0-255");
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(addressPart).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network");
        }
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("'" + text + "': prefix length must be a number 0-" + max);
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new IllegalArgumentException("'" + text + "': prefix length must be 0-" + max);
            }
        }
        byte[] masked = mask(bytes, prefix);
        if (!Arrays.equals(masked, bytes)) {
            throw new IllegalArgumentException("'" + text + "': host bits set; did you mean "
                    + format(masked) + "/" + prefix + "?");
        }
        return new IpRange(masked, prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        return a.length == network.length && Arrays.equals(mask(a, prefixLength), network);
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** Whether the two ranges share any address. */
    public boolean overlaps(IpRange other) {
        if (other.network.length != network.length) {
            return false;
        }
        int shorter = Math.min(prefixLength, other.prefixLength);
        return Arrays.equals(mask(network, shorter), mask(other.network, shorter));
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - bits));
        }
        return out;
    }

    private static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }
}
