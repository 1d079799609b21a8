package nl.govroam.ldap;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A user's NT hash (MD4 of the UTF-16LE password), as MSCHAPv2 needs it (RFC 2759 8.3), read from a directory
 * attribute such as Samba's {@code sambaNTPassword}. Equivalent to the password for MSCHAPv2, so it is never
 * printed; {@link #bytes()} returns a copy the caller clears.
 */
public final class NtHash {
    public static final int LENGTH = 16;

    private final byte[] value;

    private NtHash(byte[] value) {
        this.value = value;
    }

    /** From 32 hex digits (sambaNTPassword's form) or 16 raw octets; empty for anything else. */
    public static Optional<NtHash> parse(byte[] attributeValue) {
        if (attributeValue.length == LENGTH * 2) {
            try {
                return Optional.of(new NtHash(HexFormat.of().parseHex(new String(attributeValue,
                        java.nio.charset.StandardCharsets.US_ASCII))));
            } catch (IllegalArgumentException notHex) {
                return Optional.empty();
            }
        }
        if (attributeValue.length == LENGTH) {
            return Optional.of(new NtHash(attributeValue.clone()));
        }
        return Optional.empty();
    }

    /** A copy of the 16 octets. */
    public byte[] bytes() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtHash other && java.security.MessageDigest.isEqual(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "NtHash[<redacted>]";
    }
}
