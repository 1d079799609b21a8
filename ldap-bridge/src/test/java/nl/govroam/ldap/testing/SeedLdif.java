package nl.govroam.ldap.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes the LDIF that {@code slapadd} loads: base, service account, people, and groups with their members. */
final class SeedLdif {
    private SeedLdif() {
    }

    static String of(List<TestUser> users, List<String> extraLdif) {
        StringBuilder ldif = new StringBuilder();
        entry(ldif, TestDirectory.BASE_DN, "objectClass: dcObject", "objectClass: organization",
                "dc: gemeente-test", "o: gemeente-test");
        entry(ldif, TestDirectory.SERVICE_DN, "objectClass: person", "objectClass: simpleSecurityObject",
                "cn: govroam-service", "sn: service", line("userPassword", SshaPassword.hash(TestDirectory.SERVICE_PASSWORD)));
        entry(ldif, TestDirectory.PEOPLE_DN, "objectClass: organizationalUnit", "ou: people");
        entry(ldif, TestDirectory.GROUPS_DN, "objectClass: organizationalUnit", "ou: groups");
        Set<String> groups = new LinkedHashSet<>(TestDirectory.GROUPS);
        for (TestUser user : users) {
            groups.addAll(user.groups());
            List<String> lines = new ArrayList<>(List.of("objectClass: inetOrgPerson", "objectClass: sambaSamAccount",
                    line("uid", user.uid()), line("cn", user.uid()), line("sn", user.uid()), line("mail", user.mail()),
                    line("userPassword", SshaPassword.hash(user.password())),
                    line("sambaNTPassword", NtPasswordHash.hex(user.password()))));
            user.groups().forEach(cn -> lines.add(line("memberOf", TestDirectory.groupDn(cn))));
            lines.addAll(user.extraAttributes());
            entry(ldif, user.dn(), lines.toArray(String[]::new));
        }
        for (String cn : groups) {
            List<String> lines = new ArrayList<>(List.of("objectClass: groupOfNames", line("cn", cn)));
            List<TestUser> members = users.stream().filter(u -> u.groups().contains(cn)).toList();
            if (members.isEmpty()) {
                // groupOfNames requires a member; the group itself is the usual placeholder
                lines.add(line("member", TestDirectory.groupDn(cn)));
            }
            members.forEach(u -> lines.add(line("member", u.dn())));
            entry(ldif, TestDirectory.groupDn(cn), lines.toArray(String[]::new));
        }
        extraLdif.forEach(extra -> ldif.append(extra.strip()).append("\n\n"));
        return ldif.toString();
    }

    private static void entry(StringBuilder ldif, String dn, String... lines) {
        ldif.append(line("dn", dn)).append('\n');
        for (String line : lines) {
            ldif.append(line).append('\n');
        }
        ldif.append('\n');
    }

    /** An LDIF attribute line, base64 ({@code ::}) when the value is not a safe string (RFC 2849). */
    static String line(String attribute, String value) {
        boolean safe = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                && !value.startsWith(" ") && !value.startsWith(":") && !value.startsWith("<") && !value.endsWith(" ");
        return safe ? attribute + ": " + value
                : attribute + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
