package nl.govroam.server.cli.testauth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The inner PAP of EAP-TTLS (RFC 5281 11.2.5) as Diameter AVPs (RFC 5281 10.1): User-Name (code 1) and
 * User-Password (code 2), each with the M flag, vendor-less, padded to four octets; the password itself padded with
 * NULs to a multiple of 16 octets.
 */
final class InnerPap {
    private static final int USER_NAME = 1;
    private static final int USER_PASSWORD = 2;
    private static final int FLAG_MANDATORY = 0x40;
    private static final int HEADER = 8;

    private InnerPap() {
    }

    /** Both AVPs; the caller clears the result after use. */
    static byte[] avps(String user, char[] password) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] padded = new byte[Math.max(16, (encoded.remaining() + 15) / 16 * 16)];
        int passwordLength = encoded.remaining();
        encoded.get(padded, 0, passwordLength);
        Arrays.fill(encoded.array(), (byte) 0);
        byte[] first = avp(USER_NAME, name);
        byte[] second = avp(USER_PASSWORD, padded);
        Arrays.fill(padded, (byte) 0);
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        Arrays.fill(second, (byte) 0);
        return out;
    }

    static byte[] avp(int code, byte[] data) {
        int length = HEADER + data.length;
        byte[] out = new byte[(length + 3) & ~3];
        out[3] = (byte) code;
        out[4] = (byte) FLAG_MANDATORY;
        out[5] = (byte) (length >>> 16);
        out[6] = (byte) (length >>> 8);
        out[7] = (byte) length;
        System.arraycopy(data, 0, out, HEADER, data.length);
        return out;
    }
}
