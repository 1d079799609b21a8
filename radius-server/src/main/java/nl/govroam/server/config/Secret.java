package nl.govroam.server.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A shared secret or password. Its value never appears in {@link #toString}, logs or exception messages;
 * {@link #source} says where it came from (inline, environment variable, file) for diagnostics.
 */
public final class Secret {
    private final byte[] value;
    private final String source;

    private Secret(byte[] value, String source) {
        this.value = value;
        this.source = source;
    }

    public static Secret of(String value, String source) {
        return new Secret(value.getBytes(StandardCharsets.UTF_8), source);
    }

    /** A copy of the secret's bytes (UTF-8). */
    public byte[] bytes() {
        return value.clone();
    }

    /** The secret as a string, for APIs that take one (tinyradius attribute crypto). */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public char[] chars() {
        return reveal().toCharArray();
    }

    public int length() {
        return value.length;
    }

    /** Where the secret came from, e.g. {@code inline}, {@code env GOVROAM_SECRET}, {@code file /etc/...}. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "<secret from " + source + ">";
    }
}
