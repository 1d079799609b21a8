package nl.govroam.server.cli.testauth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.govroam.server.codec.AttributeType;

/**
 * Checks that a reply really comes from a server that knows the secret: its Response Authenticator (RFC 2865 3)
 * and, when present, its Message-Authenticator (RFC 3579 3.2), both over the request's authenticator.
 */
final class ReplyCheck {
    private ReplyCheck() {
    }

    static boolean authentic(byte[] reply, byte[] requestAuthenticator, byte[] secret) {
        try {
            byte[] copy = reply.clone();
            System.arraycopy(requestAuthenticator, 0, copy, 4, 16);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(copy);
            md5.update(secret);
            if (!MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(reply, 4, 20))) {
                return false;
            }
            int pos = 20;
            while (pos + 1 < copy.length) {
                int type = copy[pos] & 0xFF;
                int len = copy[pos + 1] & 0xFF;
                if (len < 2) {
                    return false;
                }
                if (type == AttributeType.MESSAGE_AUTHENTICATOR && len == 18) {
                    byte[] received = Arrays.copyOfRange(copy, pos + 2, pos + 18);
                    Arrays.fill(copy, pos + 2, pos + 18, (byte) 0);
                    Mac mac = Mac.getInstance("HmacMD5");
                    mac.init(new SecretKeySpec(secret, "HmacMD5"));
                    return MessageDigest.isEqual(received, mac.doFinal(copy));
                }
                pos += len;
            }
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 and HmacMD5 are part of every JDK", e);
        }
    }
}
