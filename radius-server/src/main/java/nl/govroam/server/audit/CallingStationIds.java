package nl.govroam.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.govroam.server.config.FticksConfig.CsiMode;
import nl.govroam.server.config.Secret;

/**
 * Writes a Calling-Station-Id (a MAC address) for F-ticks in one of the {@link CsiMode}s (federation-rules.md 1).
 * Before hashing the value is normalised (cut at {@code ;}, lower-cased, reduced to hex digits), so
 * {@code 00-11-22-AA-BB-CC} and {@code 00:11:22:aa:bb:cc} give one hash. The vendor modes keep the OUI readable as
 * {@code 00-11-22-} and hash the whole address; a value with fewer than 6 hex digits is hashed whole.
 */
final class CallingStationIds {
    static final String UNDISCLOSED = "undisclosed";
    private static final HexFormat HEX = HexFormat.of();

    private CallingStationIds() {
    }

    /** The CSI value for F-ticks; empty text when the request had none. */
    static String write(String callingStationId, CsiMode mode, Optional<Secret> key) {
        if (mode == CsiMode.UNDISCLOSED) {
            return UNDISCLOSED;
        }
        if (callingStationId == null || callingStationId.isEmpty()) {
            return "";
        }
        if (mode == CsiMode.ORIGINAL) {
            return callingStationId;
        }
        String normalised = normalise(callingStationId);
        String hash = mode.keyed() ? hmac(normalised, key.orElseThrow(() ->
                new IllegalStateException("a keyed CSI mode without a key passed validation"))) : sha256(normalised);
        boolean vendor = mode == CsiMode.VENDOR_HASHED || mode == CsiMode.VENDOR_KEY_HASHED;
        if (vendor && normalised.length() >= 6) {
            return normalised.substring(0, 2) + "-" + normalised.substring(2, 4) + "-" + normalised.substring(4, 6)
                    + "-" + hash;
        }
        return hash;
    }

    static String normalise(String callingStationId) {
        int semicolon = callingStationId.indexOf(';');
        String cut = semicolon < 0 ? callingStationId : callingStationId.substring(0, semicolon);
        String lower = cut.toLowerCase(Locale.ROOT);
        StringBuilder hex = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
                hex.append(c);
            }
        }
        // a value with no hex digit at all still gets a hash of its own, not the hash of ""
        return hex.isEmpty() ? lower : hex.toString();
    }

    private static String sha256(String value) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String hmac(String value, Secret key) {
        byte[] keyBytes = key.bytes();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            java.util.Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
