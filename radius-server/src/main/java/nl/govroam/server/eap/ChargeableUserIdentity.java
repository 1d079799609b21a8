package nl.govroam.server.eap;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chargeable-User-Identity values (RFC 4372): stable per user and operator, opaque, unlinkable across operators.
 * Like FreeRADIUS's {@code policy.d/cui} (a hash of a key, the lower-cased inner User-Name and the Operator-Name),
 * but keyed: HMAC-SHA-256 with the realm's configured key.
 */
public final class ChargeableUserIdentity {
    private ChargeableUserIdentity() {
    }

    /** Whether the request asks for a CUI: a CUI attribute of one NUL octet, or a previous value (RFC 4372 2.1). */
    public static boolean requested(byte[] requestValue) {
        return requestValue != null && requestValue.length > 0;
    }

    /**
     * The value: 64 hex digits of HMAC-SHA-256(key, lower-cased inner identity, NUL, operator).
     *
     * @param operator the request's Operator-Name, or the client's configured operator when there is none
     */
    public static String of(byte[] key, String innerIdentity, String operator) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(innerIdentity.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(operator.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
