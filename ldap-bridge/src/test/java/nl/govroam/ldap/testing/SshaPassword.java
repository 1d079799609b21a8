package nl.govroam.ldap.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** {@code {SSHA}} password values as OpenLDAP stores them: base64(SHA-1(password + salt) + salt). */
public final class SshaPassword {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SshaPassword() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] both = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, both, 0, digest.length);
            System.arraycopy(salt, 0, both, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(both);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JVM", e);
        }
    }
}
