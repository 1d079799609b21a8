package nl.govroam.ldap;

import static nl.govroam.ldap.testing.TestDirectory.DISABLED_USER;
import static nl.govroam.ldap.testing.TestDirectory.FILTER_DISABLED_USER;
import static nl.govroam.ldap.testing.TestDirectory.OUTSIDER_USER;
import static nl.govroam.ldap.testing.TestDirectory.PLAIN_USER;
import static nl.govroam.ldap.testing.TestDirectory.SPECIAL_USER;
import static nl.govroam.ldap.testing.TestDirectory.STAFF_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LdapDirectoryTest {
    private static final TestUser TWIN_A = new TestUser("twin", "Twin-Pa55word", TestDirectory.WIFI_USERS);

    private static Slapd slapd;
    private static DirectoryAuthenticator directory;

    @BeforeAll
    static void start() {
        // a second entry with uid=twin elsewhere makes the user filter match twice
        slapd = Slapd.builder().user(TWIN_A).ldif("""
                dn: ou=more,ou=people,dc=gemeente-test,dc=nl
                objectClass: organizationalUnit
                ou: more

                dn: uid=twin,ou=more,ou=people,dc=gemeente-test,dc=nl
                objectClass: inetOrgPerson
                uid: twin
                cn: twin
                sn: twin
                """).start();
        directory = Directories.open(slapd.settingsBuilder("test").userFilter("(uid={user})")
                .disabledFilter(TestDirectory.DISABLED_FILTER)
                .build());
    }

    @AfterAll
    static void stop() {
        directory.close();
        slapd.close();
    }

    private static AuthOutcome login(TestUser user) {
        return directory.authenticate(new LoginName(user.uid(), "gemeente-test.nl"), user.password().toCharArray());
    }

    @Test
    void goodPasswordIsAcceptedWithGroups() {
        AuthOutcome.Accepted accepted = assertInstanceOf(AuthOutcome.Accepted.class, login(STAFF_USER));
        assertEquals(STAFF_USER.dn(), accepted.userDn());
        assertTrue(accepted.groups().stream().anyMatch(g -> DnNames.same(g, TestDirectory.groupDn("staff"))));
    }

    @Test
    void staffGroupGivesItsVlan() {
        assertEquals(Optional.of(TestDirectory.STAFF_VLAN), ((AuthOutcome.Accepted) login(STAFF_USER)).vlan());
    }

    @Test
    void plainUserHasNoVlan() {
        assertEquals(Optional.empty(), assertInstanceOf(AuthOutcome.Accepted.class, login(PLAIN_USER)).vlan());
    }

    @Test
    void wrongPasswordIsRejected() {
        AuthOutcome outcome = directory.authenticate(new LoginName(STAFF_USER.uid(), ""), "wrong".toCharArray());
        assertEquals(RejectReason.WRONG_PASSWORD, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason());
    }

    @Test
    void emptyPasswordIsRejectedBeforeAnyBind() {
        AuthOutcome outcome = directory.authenticate(new LoginName(STAFF_USER.uid(), ""), new char[0]);
        assertEquals(RejectReason.EMPTY_PASSWORD, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason());
    }

    @Test
    void unknownUserIsRejected() {
        AuthOutcome outcome = directory.authenticate(new LoginName("nobody", ""), "x".toCharArray());
        assertEquals(RejectReason.UNKNOWN_USER, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason());
    }

    @Test
    void twoMatchingEntriesAreAmbiguous() {
        AuthOutcome outcome = login(TWIN_A);
        assertEquals(RejectReason.AMBIGUOUS_USER, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason());
    }

    @Test
    void disabledGroupMemberIsRejected() {
        assertEquals(RejectReason.DISABLED, assertInstanceOf(AuthOutcome.Rejected.class, login(DISABLED_USER)).reason());
    }

    @Test
    void entryMatchingTheDisabledFilterIsRejected() {
        AuthOutcome outcome = login(FILTER_DISABLED_USER);
        assertEquals(RejectReason.DISABLED, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason());
    }

    @Test
    void userOutsideTheRequiredGroupIsRejected() {
        AuthOutcome outcome = login(OUTSIDER_USER);
        assertEquals(RejectReason.NOT_IN_REQUIRED_GROUP, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason());
    }

    @Test
    void uidFullOfFilterMetacharactersMatchesExactlyItself() {
        AuthOutcome.Accepted accepted = assertInstanceOf(AuthOutcome.Accepted.class, login(SPECIAL_USER));
        assertTrue(DnNames.same(SPECIAL_USER.dn(), accepted.userDn()), accepted.userDn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*)(uid=*", "jan*", "*)(|(uid=*", "\\", "jan.jansen\u0000", "\u0000", "o*",
            "jan.jansen)(objectClass=*", "(uid=*)"})
    void filterInjectionNeverMatches(String user) {
        AuthOutcome outcome = directory.authenticate(new LoginName(user, ""), STAFF_USER.password().toCharArray());
        assertEquals(RejectReason.UNKNOWN_USER, assertInstanceOf(AuthOutcome.Rejected.class, outcome).reason(),
                outcome::toString);
    }

    @Test
    void lookupFindsWithoutPassword() {
        AuthOutcome.Accepted accepted = assertInstanceOf(AuthOutcome.Accepted.class,
                directory.lookup(new LoginName(STAFF_USER.uid(), "gemeente-test.nl")));
        assertEquals(Optional.of(TestDirectory.STAFF_VLAN), accepted.vlan());
        assertEquals(RejectReason.DISABLED, assertInstanceOf(AuthOutcome.Rejected.class,
                directory.lookup(new LoginName(DISABLED_USER.uid(), ""))).reason());
    }

    @Test
    void groupsCanComeFromAGroupSearch() {
        try (DirectoryAuthenticator bySearch = Directories.open(slapd.settingsBuilder("by-search")
                .groupBaseDn(TestDirectory.GROUPS_DN).build())) {
            AuthOutcome.Accepted accepted = assertInstanceOf(AuthOutcome.Accepted.class,
                    bySearch.authenticate(new LoginName(STAFF_USER.uid(), ""), STAFF_USER.password().toCharArray()));
            assertEquals(2, accepted.groups().size(), accepted.groups()::toString);
            assertEquals(Optional.of(TestDirectory.STAFF_VLAN), accepted.vlan());
            assertEquals(RejectReason.DISABLED, assertInstanceOf(AuthOutcome.Rejected.class,
                    bySearch.lookup(new LoginName(DISABLED_USER.uid(), ""))).reason());
        }
    }

    @Test
    void realmAndNaiPlaceholdersAreFilledIn() {
        try (DirectoryAuthenticator byMail = Directories.open(slapd.settingsBuilder("by-mail")
                .userFilter("(mail={nai})").build())) {
            AuthOutcome outcome = byMail.authenticate(new LoginName(STAFF_USER.uid(), TestDirectory.MAIL_DOMAIN),
                    STAFF_USER.password().toCharArray());
            assertInstanceOf(AuthOutcome.Accepted.class, outcome);
        }
    }
}
