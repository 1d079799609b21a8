package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.transport.DropReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is answered at all: unknown sources, wrong secrets and the BlastRADIUS rules (federation-rules.md 4). Every
 * drop here is silent on the wire and visible in the counters.
 */
class RequestAuthenticityE2eTest {
    private static final TestUser PLAIN = TestDirectory.PLAIN_USER;
    private static final Duration SILENCE = Duration.ofSeconds(1);
    private static final Duration REPLY = Duration.ofSeconds(2);

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

    @Test
    void requestFromAnUnknownSourceAddressIsIgnored() {
        long before = server.drops(DropReason.UNKNOWN_CLIENT);
        try (UdpClient stranger = new UdpClient(E2eServer.UNKNOWN_SOURCE)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password());

            assertEquals(Optional.empty(), stranger.exchange(request.wire(), server.authAddress(), SILENCE));
        }
        E2eServer.awaitCount("unknown-client drops", () -> server.drops(DropReason.UNKNOWN_CLIENT), before + 1, REPLY);
    }

    @Test
    void requestWithTheWrongSecretIsIgnored() {
        long before = server.drops(DropReason.BAD_AUTHENTICATOR);

        RadClient.Result result = RadClient.authenticate(server.authAddress(), "not-the-" + E2eServer.SECRET,
                PLAIN.mail(), PLAIN.password());

        assertTrue(result.noReply(), result::output);
        assertEquals(1, result.exitCode(), result::output);
        E2eServer.awaitCount("bad-authenticator drops", () -> server.drops(DropReason.BAD_AUTHENTICATOR), before + 1, REPLY);
    }

    @Test
    void requestWithoutMessageAuthenticatorIsIgnoredByDefault() {
        long before = server.drops(DropReason.MISSING_MESSAGE_AUTHENTICATOR);

        RadClient.Result result = RadClient.send(server.authAddress(), "auth", E2eServer.SECRET,
                "User-Name = " + RadClient.quoted(PLAIN.mail()) + ", User-Password = " + RadClient.quoted(PLAIN.password()),
                SILENCE);

        assertTrue(result.noReply(), result::output);
        E2eServer.awaitCount("missing-message-authenticator drops",
                () -> server.drops(DropReason.MISSING_MESSAGE_AUTHENTICATOR), before + 1, REPLY);
    }

    @Test
    void legacyClientIsAnsweredWithoutMessageAuthenticator() {
        try (UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.LEGACY_SECRET, false, PLAIN.mail(),
                    PLAIN.password());
            byte[] reply = legacy.exchange(request.wire(), server.authAddress(), REPLY)
                    .orElseThrow(() -> new AssertionError("no reply to the legacy client"));

            RadiusPacket packet = UdpClient.verifiedReply(reply, request, E2eServer.LEGACY_SECRET);
            assertEquals(PacketCode.ACCESS_ACCEPT, packet.code());
            assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, packet.attributes().get(0).type(),
                    "the reply carries Message-Authenticator first even when the request had none");
        }
    }

    @Test
    void legacyClientRequestWithProxyStateButWithoutMessageAuthenticatorIsIgnored() {
        try (UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.LEGACY_SECRET, false, PLAIN.mail(),
                    PLAIN.password(), proxyState("hop-1"));

            legacy.assertDropped(request.wire(), server.authAddress(), "proxy-state-without-message-authenticator",
                    () -> server.drops(DropReason.PROXY_STATE_WITHOUT_MESSAGE_AUTHENTICATOR));
        }
    }

    @Test
    void proxyStateIsEchoedInOrderWhenTheRequestIsSigned() {
        try (UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.LEGACY_SECRET, true, PLAIN.mail(),
                    PLAIN.password(), proxyState("hop-1"), proxyState("hop-2"));
            byte[] reply = legacy.exchange(request.wire(), server.authAddress(), REPLY)
                    .orElseThrow(() -> new AssertionError("no reply"));

            RadiusPacket packet = UdpClient.verifiedReply(reply, request, E2eServer.LEGACY_SECRET);
            assertEquals(PacketCode.ACCESS_ACCEPT, packet.code());
            assertEquals(List.of("hop-1", "hop-2"), packet.all(AttributeType.PROXY_STATE).stream()
                    .map(RadiusAttribute::valueAsString).toList());
        }
    }

    @Test
    void legacyClientWithAWrongMessageAuthenticatorIsIgnored() {
        try (UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.LEGACY_SECRET, true, PLAIN.mail(),
                    PLAIN.password());
            byte[] tampered = request.wire().clone();
            tampered[22] ^= 0x01;

            legacy.assertDropped(tampered, server.authAddress(), "bad-authenticator",
                    () -> server.drops(DropReason.BAD_AUTHENTICATOR));
        }
    }

    @Test
    void legacyClientEapWithoutMessageAuthenticatorIsIgnored() {
        try (UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS)) {
            RadiusAttribute eapIdentity = new RadiusAttribute(AttributeType.EAP_MESSAGE,
                    new byte[] {2, 1, 0, 9, 1, 'a', 'n', 'o', 'n'});
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.LEGACY_SECRET, false, PLAIN.mail(), null,
                    eapIdentity);

            legacy.assertDropped(request.wire(), server.authAddress(), "missing-message-authenticator",
                    () -> server.drops(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        }
    }

    @Test
    void statusServerWithoutMessageAuthenticatorIsIgnoredEvenFromALegacyClient() {
        try (UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS)) {
            UdpClient.Request request = UdpClient.request(PacketCode.STATUS_SERVER, E2eServer.LEGACY_SECRET, false,
                    PacketEncoder.randomAuthenticator(), List.of());

            legacy.assertDropped(request.wire(), server.authAddress(), "missing-message-authenticator",
                    () -> server.drops(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        }
    }

    @Test
    void statusServerWithTheWrongSecretIsIgnored() {
        long before = server.drops(DropReason.BAD_AUTHENTICATOR);

        RadClient.Result result = RadClient.send(server.authAddress(), "status", "not-the-" + E2eServer.SECRET,
                "Message-Authenticator = 0x00", SILENCE);

        assertTrue(result.noReply(), result::output);
        E2eServer.awaitCount("bad-authenticator drops", () -> server.drops(DropReason.BAD_AUTHENTICATOR), before + 1, REPLY);
    }

    @Test
    void federationClientIsAnsweredWithItsOwnSecret() {
        try (UdpClient federation = new UdpClient(E2eServer.FEDERATION)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.FEDERATION_SECRET, true, PLAIN.mail(),
                    PLAIN.password());
            byte[] reply = federation.exchange(request.wire(), server.authAddress(), REPLY)
                    .orElseThrow(() -> new AssertionError("no reply"));

            assertEquals(PacketCode.ACCESS_ACCEPT,
                    UdpClient.verifiedReply(reply, request, E2eServer.FEDERATION_SECRET).code());
        }
    }

    @Test
    void accessRequestOnTheAccountingPortIsIgnored() {
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password());

            nas.assertDropped(request.wire(), server.accountingAddress(), "wrong-port",
                    () -> server.drops(DropReason.WRONG_PORT));
        }
    }

    private static RadiusAttribute proxyState(String value) {
        return new RadiusAttribute(AttributeType.PROXY_STATE, value.getBytes(StandardCharsets.US_ASCII));
    }
}
