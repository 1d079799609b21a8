package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusPacket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PAP against a real slapd, driven by the real radclient: who gets in, on which VLAN, who is refused, and that every
 * reply puts Message-Authenticator first (BlastRADIUS, federation-rules.md 4). Realm sanity (federation-rules.md 2):
 * every bad or foreign User-Name gets an Access-Reject, never silence.
 */
class AuthenticationE2eTest {
    private static final TestUser STAFF = TestDirectory.STAFF_USER;
    private static final TestUser PLAIN = TestDirectory.PLAIN_USER;

    @TempDir
    static Path dir;
    private static Slapd slapd;
    private static E2eServer server;

    @BeforeAll
    static void start() {
        slapd = Slapd.start();
        server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay("100ms"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    private static RadClient.Result login(String userName, String password) {
        return RadClient.authenticate(server.authAddress(), E2eServer.SECRET, userName, password);
    }

    private static void assertReply(String expected, RadClient.Result result) {
        assertEquals(Optional.of(expected), result.replyCode(), result::output);
    }

    @Test
    void staffUserIsAcceptedOnTheStaffVlan() {
        RadClient.Result result = login(STAFF.mail(), STAFF.password());

        assertReply("Access-Accept", result);
        assertEquals(0, result.exitCode(), result::output);
        assertEquals(Optional.of("VLAN"), result.value("Tunnel-Type"), result::output);
        assertEquals(Optional.of("IEEE-802"), result.value("Tunnel-Medium-Type"), result::output);
        assertEquals(Optional.of(TestDirectory.STAFF_VLAN), result.value("Tunnel-Private-Group-Id"), result::output);
    }

    @Test
    void plainUserIsAcceptedWithoutTunnelAttributes() {
        RadClient.Result result = login(PLAIN.mail(), PLAIN.password());

        assertReply("Access-Accept", result);
        assertTrue(result.names().stream().noneMatch(n -> n.startsWith("Tunnel-")), result::output);
    }

    @Test
    void realmIsMatchedIgnoringCase() {
        assertReply("Access-Accept", login(PLAIN.uid() + "@GEMEENTE-Test.NL", PLAIN.password()));
    }

    @Test
    void messageAuthenticatorIsTheFirstAttributeOfEveryReply() {
        RadClient.Result accept = login(STAFF.mail(), STAFF.password());
        RadClient.Result reject = login(STAFF.mail(), "wrong-" + STAFF.password());

        assertReply("Access-Accept", accept);
        assertEquals("Message-Authenticator", accept.names().get(0), accept::output);
        assertReply("Access-Reject", reject);
        assertEquals(List.of("Message-Authenticator"), reject.names(), reject::output);
    }

    @Test
    void messageAuthenticatorOccupiesTheFirstOctetsAfterTheHeader() {
        try (UdpClient client = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, STAFF.mail(), STAFF.password());
            byte[] reply = client.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply"));

            RadiusPacket packet = UdpClient.verifiedReply(reply, request, E2eServer.SECRET);
            assertEquals(PacketCode.ACCESS_ACCEPT, packet.code());
            assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, reply[20] & 0xFF, "type of the first attribute");
            assertEquals(18, reply[21] & 0xFF, "length of the first attribute");
            assertEquals(4, packet.attributes().size(), "Message-Authenticator and the three VLAN attributes");
        }
    }

    @Test
    void userWithFilterMetacharactersInTheUidIsAcceptedWithHisOwnPassword() {
        TestUser special = TestDirectory.SPECIAL_USER;
        try (UdpClient client = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, special.mail(), special.password());
            byte[] reply = client.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply"));

            assertEquals(PacketCode.ACCESS_ACCEPT, UdpClient.verifiedReply(reply, request, E2eServer.SECRET).code());
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        RadClient.Result result = login(STAFF.mail(), "Jan-Pa55word-not");

        assertReply("Access-Reject", result);
        assertFalse(result.names().stream().anyMatch(n -> n.startsWith("Tunnel-")), result::output);
    }

    @Test
    void unknownUserIsRejected() {
        assertReply("Access-Reject", login("nobody.here@" + E2eServer.REALM, STAFF.password()));
    }

    @Test
    void disabledUserIsRejectedEvenWithTheRightPassword() {
        TestUser disabled = TestDirectory.DISABLED_USER;
        assertReply("Access-Reject", login(disabled.mail(), disabled.password()));
    }

    @Test
    void userOutsideTheRequiredGroupIsRejectedEvenWithTheRightPassword() {
        TestUser outsider = TestDirectory.OUTSIDER_USER;
        assertReply("Access-Reject", login(outsider.mail(), outsider.password()));
    }

    /** A wildcard in the user part must not match some other entry whose password happens to be the one sent. */
    @ParameterizedTest
    @ValueSource(strings = {"*", "*)(uid=*", "jan*", "*)(|(uid=*)", "jan.jansen)(uid=*"})
    void filterInjectionInTheUserPartIsRejected(String user) {
        assertReply("Access-Reject", login(user + "@" + E2eServer.REALM, STAFF.password()));
    }

    /** The anonymous outer identity of RFC 7542 2.4 names nobody: with PAP that is an unknown user, not an outage. */
    @Test
    void emptyUserPartIsRejected() {
        assertReply("Access-Reject", login("@" + E2eServer.REALM, STAFF.password()));
    }

    @Test
    void subdomainOfARealmWithoutSubdomainsIsRejected() {
        assertReply("Access-Reject", login(STAFF.uid() + "@sub." + E2eServer.REALM, STAFF.password()));
    }

    @Test
    void chapIsRejectedBecauseADirectoryCannotCheckIt() {
        RadClient.Result result = RadClient.send(server.authAddress(), "auth", E2eServer.SECRET, "User-Name = "
                + RadClient.quoted(STAFF.mail()) + ", CHAP-Password = " + RadClient.quoted(STAFF.password())
                + ", Message-Authenticator = 0x00", Duration.ofSeconds(1));

        assertReply("Access-Reject", result);
    }

    @Test
    void eapIsRejectedWhileItIsNotEnabled() {
        RadClient.Result result = RadClient.send(server.authAddress(), "auth", E2eServer.SECRET, "User-Name = "
                + RadClient.quoted(STAFF.mail()) + ", EAP-Message = 0x0201001401" + "6a616e2e6a616e73656e"
                + ", Message-Authenticator = 0x00", Duration.ofSeconds(1));

        assertReply("Access-Reject", result);
    }

    @Test
    void longestPasswordIsChecked() {
        assertReply("Access-Reject", login(STAFF.mail(), "x".repeat(128)));
    }

    @Test
    void statusServerReplyOnTheAccountingPortIsSignedWithMessageAuthenticatorFirst() {
        try (UdpClient client = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.request(PacketCode.STATUS_SERVER, E2eServer.SECRET, true,
                    PacketEncoder.randomAuthenticator(), List.of());
            byte[] reply = client.exchange(request.wire(), server.accountingAddress(), Duration.ofSeconds(2))
                    .orElseThrow(() -> new AssertionError("no reply"));

            RadiusPacket packet = UdpClient.verifiedReply(reply, request, E2eServer.SECRET);
            assertEquals(PacketCode.ACCOUNTING_RESPONSE, packet.code());
            assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, packet.attributes().get(0).type());
        }
    }

    @Test
    void userMatchingTheDisabledFilterIsRejectedEvenWithTheRightPassword() {
        TestUser disabled = TestDirectory.FILTER_DISABLED_USER;
        assertReply("Access-Reject", login(disabled.mail(), disabled.password()));
    }

    /** radclient leaves an empty User-Password out, so this one is sent by hand: 16 octets hiding nothing. */
    @Test
    void emptyPasswordIsRejected() {
        assertEquals(Optional.of("Access-Reject"), login(STAFF.mail(), "").replyCode());
        try (UdpClient client = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, STAFF.mail(), "");
            byte[] reply = client.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply"));

            assertEquals(PacketCode.ACCESS_REJECT, UdpClient.verifiedReply(reply, request, E2eServer.SECRET).code());
        }
    }

    /** federation-rules.md 2: each of these is answered with an Access-Reject, never silence, never forwarded. */
    @ParameterizedTest
    @ValueSource(strings = {
        "jan.jansen",
        "jan.jansen@",
        "jan@jansen@gemeente-test.nl",
        "jan jansen@gemeente-test.nl",
        "jan.jansen@gemeente-test.nl ",
        "jan.jansen@gemeente",
        "jan.jansen@gemeente..nl",
        "jan.jansen@.gemeente-test.nl",
        "jan.jansen@gemeente-test.nl.",
        "x@gmail.com",
        "x@foo.3gppnetwork.org",
        "x@printer.local",
        "x@hotmail.co.uk",
        "x@elders.nl",
        "host/laptop.gemeente-test.nl",
        "@",
    })
    void realmSanityViolationIsRejected(String userName) {
        RadClient.Result result = login(userName, STAFF.password());

        assertReply("Access-Reject", result);
        assertEquals(List.of("Message-Authenticator"), result.names(), result::output);
    }

    @Test
    void longestUserNameIsRejectedNotDropped() {
        String realm = "@" + E2eServer.REALM;
        String longest = "a".repeat(253 - realm.length()) + realm;
        String foreign = "b".repeat(253 - "@elders.nl".length()) + "@elders.nl";
        assertEquals(253, longest.length());

        assertReply("Access-Reject", login(longest, STAFF.password()));
        assertReply("Access-Reject", login(foreign, STAFF.password()));
    }

    @Test
    void statusServerIsAnsweredWithAccessAcceptOnTheAuthPort() {
        RadClient.Result result = RadClient.send(server.authAddress(), "status", E2eServer.SECRET,
                "Message-Authenticator = 0x00", Duration.ofSeconds(1));

        assertReply("Access-Accept", result);
        assertEquals(List.of("Message-Authenticator"), result.names(), result::output);
    }

    @Test
    void statusServerIsAnsweredWithAccountingResponseOnTheAccountingPort() {
        RadClient.Result result = RadClient.send(server.accountingAddress(), "status", E2eServer.SECRET,
                "Message-Authenticator = 0x00", Duration.ofSeconds(1));

        assertReply("Accounting-Response", result);
    }
}
