package nl.govroam.ldap.testing;

import java.util.List;

/**
 * The seeded content of the test directory: names, DNs and passwords tests refer to.
 *
 * <pre>
 * dc=gemeente-test,dc=nl
 *   cn=govroam-service          service account (reads and searches everything but passwords)
 *   ou=people
 *     uid=jan.jansen            wifi-users, staff           VLAN 120
 *     uid=piet.pietersen        wifi-users
 *     uid=klaas.klaassen        wifi-users, disabled
 *     uid=henk.hendriks         wifi-users, employeeType: disabled (for a disabled filter)
 *     uid=els.extern            no group
 *     uid=o*(brien)\            wifi-users (a uid full of filter metacharacters)
 *   ou=groups                   groupOfNames: wifi-users, staff, disabled
 * </pre>
 *
 * Groups are listed both as {@code member} of the group and as {@code memberOf} of the user.
 */
public final class TestDirectory {
    public static final String BASE_DN = "dc=gemeente-test,dc=nl";
    public static final String MAIL_DOMAIN = "gemeente-test.nl";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String GROUPS_DN = "ou=groups," + BASE_DN;

    public static final String SERVICE_DN = "cn=govroam-service," + BASE_DN;
    public static final String SERVICE_PASSWORD = "Service-Pa55!";

    /** The group every Wi-Fi user must be in (use as required group). */
    public static final String WIFI_USERS = "wifi-users";
    /** Members are disabled. */
    public static final String DISABLED = "disabled";
    /** Members get {@link #STAFF_VLAN}. */
    public static final String STAFF = "staff";
    public static final String STAFF_VLAN = "120";
    public static final List<String> GROUPS = List.of(WIFI_USERS, STAFF, DISABLED);

    /** Value of {@code employeeType} that {@link #DISABLED_FILTER} matches. */
    public static final String DISABLED_FILTER = "(employeeType=disabled)";
    public static final String USER_FILTER = "(&(objectClass=inetOrgPerson)(uid={user}))";
    /** Every seeded user has an NT hash of their password here (for MSCHAPv2); configure it with ntHashAttribute. */
    public static final String NT_HASH_ATTRIBUTE = "sambaNTPassword";

    public static final TestUser STAFF_USER = new TestUser("jan.jansen", "Jan-Pa55word", WIFI_USERS, STAFF);
    public static final TestUser PLAIN_USER = new TestUser("piet.pietersen", "Piet-Pa55word", WIFI_USERS);
    public static final TestUser DISABLED_USER = new TestUser("klaas.klaassen", "Klaas-Pa55word", WIFI_USERS, DISABLED);
    public static final TestUser FILTER_DISABLED_USER = new TestUser("henk.hendriks", "Henk-Pa55word",
            List.of(WIFI_USERS), List.of("employeeType: disabled"));
    public static final TestUser OUTSIDER_USER = new TestUser("els.extern", "Els-Pa55word");
    public static final TestUser SPECIAL_USER = new TestUser("o*(brien)\\", "Obrien-Pa55word", WIFI_USERS);

    /** Every seeded user, in LDIF order. */
    public static final List<TestUser> USERS = List.of(STAFF_USER, PLAIN_USER, DISABLED_USER, FILTER_DISABLED_USER,
            OUTSIDER_USER, SPECIAL_USER);

    private TestDirectory() {
    }

    /** {@code cn=<cn>,ou=groups,dc=gemeente-test,dc=nl}. */
    public static String groupDn(String cn) {
        return "cn=" + cn + "," + GROUPS_DN;
    }

    /** {@code uid=<uid>,ou=people,dc=gemeente-test,dc=nl}, the uid escaped per RFC 4514. */
    public static String userDn(String uid) {
        return "uid=" + escapeRdnValue(uid) + "," + PEOPLE_DN;
    }

    private static String escapeRdnValue(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ("\\,+\"<>;=".indexOf(c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == value.length() - 1 && c == ' ')) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
