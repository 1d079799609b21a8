package nl.govroam.server.eap.inner;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Diameter AVP as EAP-TTLS carries them inside the tunnel (RFC 5281 10.1): code, flags (V vendor, M mandatory),
 * 24-bit length, optional vendor id, data, padding to four octets.
 *
 * @param code   the AVP code (RADIUS attribute type for vendor 0)
 * @param vendor the vendor id, 0 for none
 * @param data   the value
 */
record DiameterAvp(int code, int vendor, byte[] data) {
    static final int FLAG_VENDOR = 0x80;
    static final int FLAG_MANDATORY = 0x40;
    /** RADIUS User-Name. */
    static final int USER_NAME = 1;
    /** RADIUS User-Password (RFC 5281 11.2.5: padded with NULs to a multiple of 16). */
    static final int USER_PASSWORD = 2;
    static final int MICROSOFT = 311;
    /** RFC 2548 2.3.2. */
    static final int MS_CHAP_CHALLENGE = 11;
    /** RFC 2548 2.3.3. */
    static final int MS_CHAP2_RESPONSE = 25;
    /** RFC 2548 2.3.4. */
    static final int MS_CHAP2_SUCCESS = 26;
    /** RFC 2548 2.1.5. */
    static final int MS_CHAP_ERROR = 2;

    DiameterAvp {
        data = data.clone();
    }

    /** All AVPs of the inner data; empty when any is malformed (bad length, truncated). */
    static Optional<List<DiameterAvp>> parseAll(byte[] in) {
        List<DiameterAvp> out = new ArrayList<>();
        int pos = 0;
        while (pos < in.length) {
            if (pos + 8 > in.length) {
                return Optional.empty();
            }
            int code = readInt(in, pos);
            int flags = in[pos + 4] & 0xFF;
            int length = ((in[pos + 5] & 0xFF) << 16) | ((in[pos + 6] & 0xFF) << 8) | (in[pos + 7] & 0xFF);
            boolean vendored = (flags & FLAG_VENDOR) != 0;
            int header = vendored ? 12 : 8;
            if (length < header || pos + length > in.length) {
                return Optional.empty();
            }
            int vendor = vendored ? readInt(in, pos + 8) : 0;
            out.add(new DiameterAvp(code, vendor, Arrays.copyOfRange(in, pos + header, pos + length)));
            pos += (length + 3) & ~3;
        }
        return Optional.of(out);
    }

    /** The first AVP with this code and vendor. */
    static Optional<DiameterAvp> find(List<DiameterAvp> avps, int code, int vendor) {
        return avps.stream().filter(a -> a.code == code && a.vendor == vendor).findFirst();
    }

    byte[] encode() {
        boolean vendored = vendor != 0;
        int header = vendored ? 12 : 8;
        int length = header + data.length;
        byte[] out = new byte[(length + 3) & ~3];
        writeInt(out, 0, code);
        out[4] = (byte) (FLAG_MANDATORY | (vendored ? FLAG_VENDOR : 0));
        out[5] = (byte) (length >>> 16);
        out[6] = (byte) (length >>> 8);
        out[7] = (byte) length;
        if (vendored) {
            writeInt(out, 8, vendor);
        }
        System.arraycopy(data, 0, out, header, data.length);
        return out;
    }

    static byte[] encodeAll(DiameterAvp... avps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DiameterAvp a : avps) {
            out.writeBytes(a.encode());
        }
        return out.toByteArray();
    }

    private static int readInt(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
    }

    private static void writeInt(byte[] b, int pos, int v) {
        b[pos] = (byte) (v >>> 24);
        b[pos + 1] = (byte) (v >>> 16);
        b[pos + 2] = (byte) (v >>> 8);
        b[pos + 3] = (byte) v;
    }

    @Override
    public String toString() {
        return "DiameterAvp[code=" + code + ", vendor=" + vendor + ", length=" + data.length + "]";
    }
}
