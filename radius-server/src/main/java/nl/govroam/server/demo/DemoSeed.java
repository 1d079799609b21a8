package nl.govroam.server.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

/**
 * What the embedded demo directory holds: demo employees of two demo municipalities in one shared directory, found
 * by mail address (as a regional ICT organisation's shared Active Directory finds them by UPN suffix). The values
 * are public so that the README, the sample config and the tests use the same ones.
 *
 * <p>A DEMO ONLY: every password here is published. Never put real users in it.
 */
public final class DemoSeed {

    /** The directory's suffix. */
    public static final String BASE_DN = "dc=demo,dc=govroam,dc=example";
    /** Where users live, one {@code ou} per municipality below it; the user search base. */
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    /** Where groups live; the group search base. */
    public static final String GROUPS_DN = "ou=groups," + BASE_DN;
    /** The service account the RADIUS server searches with. */
    public static final String SERVICE_ACCOUNT_DN = "cn=govroam-service,ou=services," + BASE_DN;
    /** The service account's password (published: a demo only). */
    public static final String SERVICE_ACCOUNT_PASSWORD = "demo-service-password";

    /** Demodorp, the first demo municipality. */
    public static final String DEMODORP_REALM = "demodorp.example";
    /** Voorbeeldstad, the second demo municipality, in the same directory. */
    public static final String VOORBEELDSTAD_REALM = "voorbeeldstad.example";

    /** Members are disabled: authentication is rejected even with the right password. */
    public static final String DISABLED_GROUP_DN = "cn=disabled," + GROUPS_DN;
    /** Staff of Demodorp; members get VLAN {@link #STAFF_VLAN}. */
    public static final String STAFF_GROUP_DN = "cn=staff-demodorp," + GROUPS_DN;
    /** The VLAN (Tunnel-Private-Group-Id) of {@link #STAFF_GROUP_DN} members. */
    public static final String STAFF_VLAN = "100";

    /** Every demo user's password (published: a demo only). */
    public static final String DEMO_PASSWORD = "demo-password";
    /** The attribute holding each demo user's NT hash, so PEAP and TTLS/MSCHAPv2 work with the demo. */
    public static final String NT_HASH_ATTRIBUTE = "sambaNTPassword";
    /** The NT hash of {@link #DEMO_PASSWORD}: MD4 of its UTF-16LE octets, upper-case hex (Samba's form). */
    public static final String DEMO_NT_HASH = "3EBA5D1F30367BF3158FA1F2E5227E29";

    /** Staff of Demodorp: accepted with VLAN {@value #STAFF_VLAN}. */
    public static final DemoUser JAN = new DemoUser("jan.jansen", "Jan", "Jansen", DEMODORP_REALM,
            Optional.of(STAFF_VLAN), false);
    /** Employee of Demodorp in no group: accepted without a VLAN. */
    public static final DemoUser PIET = new DemoUser("piet.peters", "Piet", "Peters", DEMODORP_REALM,
            Optional.empty(), false);
    /** Former employee of Demodorp, in the disabled group: rejected even with the right password. */
    public static final DemoUser ELS = new DemoUser("els.uit", "Els", "Uit", DEMODORP_REALM,
            Optional.empty(), true);
    /** Employee of Voorbeeldstad: accepted without a VLAN. */
    public static final DemoUser ANNA = new DemoUser("anna.devries", "Anna", "de Vries", VOORBEELDSTAD_REALM,
            Optional.empty(), false);

    /** All demo users, in the order above. */
    public static final List<DemoUser> USERS = List.of(JAN, PIET, ELS, ANNA);

    private DemoSeed() {
    }

    /**
     * A demo employee. Logs in as {@link #mail()} with {@link DemoSeed#DEMO_PASSWORD}.
     *
     * @param uid       the login name within the municipality, e.g. {@code jan.jansen}
     * @param givenName the first name
     * @param surname   the family name
     * @param realm     the municipality's realm, e.g. {@code demodorp.example}
     * @param vlan      the VLAN the directory's group mapping gives, if any
     * @param disabled  whether the user is in {@link DemoSeed#DISABLED_GROUP_DN}
     */
    public record DemoUser(String uid, String givenName, String surname, String realm, Optional<String> vlan,
                           boolean disabled) {

        public DemoUser {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(givenName, "givenName");
            Objects.requireNonNull(surname, "surname");
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(vlan, "vlan");
        }

        /** The login and mail address, {@code uid@realm}, e.g. {@code jan.jansen@demodorp.example}. */
        public String mail() {
            return uid + "@" + realm;
        }

        /** The entry's DN, e.g. {@code uid=jan.jansen,ou=demodorp,ou=people,dc=demo,dc=govroam,dc=example}. */
        public String dn() {
            return "uid=" + uid + "," + municipalityDn(realm);
        }
    }

    /** The municipality's {@code ou} below {@link #PEOPLE_DN}, named by the realm's first label. */
    static String municipalityDn(String realm) {
        return "ou=" + realm.substring(0, realm.indexOf('.')) + "," + PEOPLE_DN;
    }

    /**
     * The entries in load order, parents first. Passwords are given in clear; the server's password encoder
     * stores them salted and hashed.
     */
    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(BASE_DN, attribute("objectClass", "top", "domain"), attribute("dc", "demo")));
        entries.add(organizationalUnit("people", PEOPLE_DN));
        entries.add(organizationalUnit("groups", GROUPS_DN));
        entries.add(organizationalUnit("services", "ou=services," + BASE_DN));
        for (String realm : List.of(DEMODORP_REALM, VOORBEELDSTAD_REALM)) {
            entries.add(organizationalUnit(realm.substring(0, realm.indexOf('.')), municipalityDn(realm)));
        }
        entries.add(new Entry(SERVICE_ACCOUNT_DN,
                attribute("objectClass", "top", "person"),
                attribute("cn", "govroam-service"),
                attribute("sn", "govroam service account"),
                attribute("userPassword", SERVICE_ACCOUNT_PASSWORD)));
        for (DemoUser user : USERS) {
            entries.add(new Entry(user.dn(),
                    attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson",
                            "sambaSamAccount"),
                    attribute(NT_HASH_ATTRIBUTE, DEMO_NT_HASH),
                    attribute("uid", user.uid()),
                    attribute("cn", user.givenName() + " " + user.surname()),
                    attribute("givenName", user.givenName()),
                    attribute("sn", user.surname()),
                    attribute("mail", user.mail()),
                    attribute("userPassword", DEMO_PASSWORD)));
        }
        entries.add(group(STAFF_GROUP_DN, "staff-demodorp",
                USERS.stream().filter(u -> u.vlan().isPresent()).map(DemoUser::dn).toList()));
        entries.add(group(DISABLED_GROUP_DN, "disabled",
                USERS.stream().filter(DemoUser::disabled).map(DemoUser::dn).toList()));
        return entries;
    }

    private static Entry organizationalUnit(String ou, String dn) {
        return new Entry(dn, attribute("objectClass", "top", "organizationalUnit"), attribute("ou", ou));
    }

    private static Entry group(String dn, String cn, List<String> memberDns) {
        return new Entry(dn,
                attribute("objectClass", "top", "groupOfNames"),
                attribute("cn", cn),
                new Attribute("member", memberDns));
    }

    private static Attribute attribute(String name, String... values) {
        return new Attribute(name, values);
    }
}
