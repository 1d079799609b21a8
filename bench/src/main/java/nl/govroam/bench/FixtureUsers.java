package nl.govroam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The benchmark's users: {@code u00001 .. uNNNNN} under {@code ou=people}, each with its own password, stored as
 * {@code {SSHA}} in an LDIF for {@code slapadd}, listed in plain text for the generator, and (optionally) as a
 * FreeRADIUS users file for the pure-path reference. The same seed gives the same users.
 */
final class FixtureUsers {
    static final String SERVICE_CN = "radius-service";

    private FixtureUsers() {
    }

    static void main(Args a) throws IOException, NoSuchAlgorithmException {
        int count = (int) a.number("count", 10_000);
        String realm = a.string("realm", "bench.example");
        String baseDn = a.string("base-dn", "dc=bench,dc=example");
        String servicePassword = a.string("service-password", "bench-service-password");
        Path ldif = Path.of(a.string("ldif", "users.ldif"));
        Path list = Path.of(a.string("list", "users.txt"));
        String freeradius = a.string("freeradius-users", null);
        long seed = a.number("seed", 42);
        a.rejectUnused();

        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        StringBuilder l = new StringBuilder();
        StringBuilder users = new StringBuilder();
        StringBuilder radius = new StringBuilder();
        String dc = baseDn.split(",")[0].split("=")[1];
        l.append("dn: ").append(baseDn).append("\nobjectClass: dcObject\nobjectClass: organization\ndc: ").append(dc)
                .append("\no: ").append(dc).append("\n\n");
        l.append("dn: ou=services,").append(baseDn).append("\nobjectClass: organizationalUnit\nou: services\n\n");
        l.append("dn: cn=").append(SERVICE_CN).append(",ou=services,").append(baseDn)
                .append("\nobjectClass: person\nobjectClass: simpleSecurityObject\ncn: ").append(SERVICE_CN)
                .append("\nsn: service\nuserPassword: ").append(ssha(sha1, random, servicePassword)).append("\n\n");
        l.append("dn: ou=people,").append(baseDn).append("\nobjectClass: organizationalUnit\nou: people\n\n");
        for (int i = 1; i <= count; i++) {
            String uid = String.format("u%05d", i);
            String password = "pw-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFFFFFL);
            l.append("dn: uid=").append(uid).append(",ou=people,").append(baseDn)
                    .append("\nobjectClass: inetOrgPerson\nuid: ").append(uid).append("\ncn: ").append(uid)
                    .append("\nsn: ").append(uid).append("\nmail: ").append(uid).append('@').append(realm)
                    .append("\nuserPassword: ").append(ssha(sha1, random, password)).append("\n\n");
            users.append(uid).append('@').append(realm).append(' ').append(password).append('\n');
            radius.append('"').append(uid).append('@').append(realm).append("\" Cleartext-Password := \"")
                    .append(password).append("\"\n");
        }
        Files.writeString(ldif, l, StandardCharsets.UTF_8);
        Files.writeString(list, users, StandardCharsets.UTF_8);
        if (freeradius != null) {
            Files.writeString(Path.of(freeradius), radius, StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + count + " users to " + ldif + " and " + list);
    }

    private static String ssha(MessageDigest sha1, SplittableRandom random, String password) {
        byte[] salt = new byte[8];
        random.nextBytes(salt);
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);
        byte[] digest = sha1.digest();
        byte[] both = new byte[digest.length + salt.length];
        System.arraycopy(digest, 0, both, 0, digest.length);
        System.arraycopy(salt, 0, both, digest.length, salt.length);
        return "{SSHA}" + Base64.getEncoder().encodeToString(both);
    }
}
