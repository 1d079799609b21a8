package nl.govroam.server.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One attribute as it is on the wire: type and value (0..253 octets). Vendor-Specific attributes stay whole
 * (type 26, vendor id and sub-attributes in the value).
 */
public record RadiusAttribute(int type, byte[] value) {

    public static final int MAX_VALUE_LENGTH = 253;

    public RadiusAttribute {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type " + type);
        }
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute " + type + " value of " + value.length + " octets");
        }
    }

    public static RadiusAttribute ofString(int type, String value) {
        return new RadiusAttribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A 4-octet integer value (RFC 2865 5). */
    public static RadiusAttribute ofInt(int type, int value) {
        return new RadiusAttribute(type, new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** A tagged integer (RFC 2868 3.1): one tag octet, then the value in three octets. */
    public static RadiusAttribute ofTaggedInt(int type, int tag, int value) {
        return new RadiusAttribute(type, new byte[] {(byte) tag, (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** The wire length of this attribute: type, length and value. */
    public int wireLength() {
        return 2 + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusAttribute other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    /** Values are not printed: an attribute may carry a password or key. */
    @Override
    public String toString() {
        return "RadiusAttribute[type=" + type + ", length=" + value.length + "]";
    }
}
