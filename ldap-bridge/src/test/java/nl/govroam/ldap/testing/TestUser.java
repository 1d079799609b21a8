package nl.govroam.ldap.testing;

import java.util.List;
import java.util.Objects;

/**
 * A person in the test directory: an {@code inetOrgPerson} under {@link TestDirectory#PEOPLE_DN} with
 * {@code uid}, {@code mail} {@code uid@gemeente-test.nl} and an {@code {SSHA}} password.
 *
 * @param uid             the login name (user part)
 * @param password        the plain password, for tests to log in with
 * @param groups          the {@code cn}s of the groups under {@link TestDirectory#GROUPS_DN} the user is a member of
 * @param extraAttributes additional LDIF lines for the entry, e.g. {@code "employeeType: disabled"}
 */
public record TestUser(String uid, String password, List<String> groups, List<String> extraAttributes) {
    public TestUser {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(password, "password");
        groups = List.copyOf(groups);
        extraAttributes = List.copyOf(extraAttributes);
    }

    public TestUser(String uid, String password, String... groups) {
        this(uid, password, List.of(groups), List.of());
    }

    /** The entry's DN: {@code uid=<uid>,ou=people,dc=gemeente-test,dc=nl} (the uid escaped per RFC 4514). */
    public String dn() {
        return TestDirectory.userDn(uid);
    }

    public String mail() {
        return uid + "@" + TestDirectory.MAIL_DOMAIN;
    }

    @Override
    public String toString() {
        return "TestUser[" + uid + ", groups=" + groups + "]";
    }
}
