package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.ACCOUNTING_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.LEGACY_NAS;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.accessRequest;
import static nl.govroam.server.transport.TransportFixtures.accountingRequest;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static nl.govroam.server.transport.TransportFixtures.inbound;
import static nl.govroam.server.transport.TransportFixtures.messageAuthenticatorOffset;
import static nl.govroam.server.transport.TransportFixtures.proxyState;
import static nl.govroam.server.transport.TransportFixtures.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The BlastRADIUS rules of federation-rules.md section 4, one by one. */
class RequestAuthenticityFilterTest {
    private static final RadiusAttribute EAP_IDENTITY = new RadiusAttribute(AttributeType.EAP_MESSAGE,
            new byte[] {2, 1, 0, 6, 1, 'j'});

    private final TransportCounters counters = new TransportCounters();
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new RequestAuthenticityFilter(counters, TransportFixtures.dropLog()));

    @AfterEach
    void nothingLeftBehind() {
        assertFalse(channel.finishAndReleaseAll());
    }

    @Test
    void validMessageAuthenticatorPasses() {
        assertPasses(STRICT_NAS, accessRequest(1, authenticator(1), true, userName("jan@nijmegen.nl"),
                proxyState("ps1"), EAP_IDENTITY));
    }

    @Test
    void validMessageAuthenticatorFromALegacyClientPasses() {
        assertPasses(LEGACY_NAS, accessRequest(1, authenticator(1), true, userName("jan@nijmegen.nl")));
    }

    @Test
    void invalidMessageAuthenticatorIsDroppedAsBadAuthenticator() {
        byte[] wire = accessRequest(1, authenticator(1), true, userName("jan@nijmegen.nl"));
        wire[messageAuthenticatorOffset(wire) + 3] ^= 0x10;
        assertDropped(STRICT_NAS, wire, DropReason.BAD_AUTHENTICATOR);
        assertDropped(LEGACY_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    @Test
    void alteredAttributeUnderAValidLookingMessageAuthenticatorIsDropped() {
        byte[] wire = accessRequest(1, authenticator(1), true, userName("jan@nijmegen.nl"));
        wire[wire.length - 1] ^= 0x01;
        assertDropped(STRICT_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    @Test
    void messageAuthenticatorSignedWithAnotherSecretIsDropped() {
        byte[] wire = PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, 1, authenticator(1),
                List.of(userName("jan@nijmegen.nl")), "wrong-secret".getBytes(StandardCharsets.UTF_8), true);
        assertDropped(LEGACY_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    @Test
    void absentMessageAuthenticatorIsDroppedWhenTheClientRequiresIt() {
        assertDropped(STRICT_NAS, accessRequest(1, authenticator(1), false, userName("jan@nijmegen.nl")),
                DropReason.MISSING_MESSAGE_AUTHENTICATOR);
    }

    @Test
    void absentMessageAuthenticatorPassesFromALegacyClientWithoutProxyState() {
        assertPasses(LEGACY_NAS, accessRequest(1, authenticator(1), false, userName("jan@nijmegen.nl")));
    }

    @Test
    void absentMessageAuthenticatorWithProxyStateIsDroppedEvenFromALegacyClient() {
        assertDropped(LEGACY_NAS, accessRequest(1, authenticator(1), false, userName("jan@nijmegen.nl"),
                proxyState("ps1")), DropReason.PROXY_STATE_WITHOUT_MESSAGE_AUTHENTICATOR);
    }

    @Test
    void eapMessageWithoutMessageAuthenticatorIsDroppedEvenFromALegacyClient() {
        assertDropped(LEGACY_NAS, accessRequest(1, authenticator(1), false, userName("jan@nijmegen.nl"), EAP_IDENTITY),
                DropReason.MISSING_MESSAGE_AUTHENTICATOR);
    }

    @Test
    void statusServerWithoutMessageAuthenticatorIsDroppedEvenFromALegacyClient() {
        byte[] wire = PacketEncoder.encodeRequest(PacketCode.STATUS_SERVER, 1, authenticator(1), List.of(),
                TransportFixtures.SECRET, false);
        assertDropped(LEGACY_NAS, wire, DropReason.MISSING_MESSAGE_AUTHENTICATOR);
    }

    @Test
    void statusServerWithValidMessageAuthenticatorPasses() {
        assertPasses(STRICT_NAS, TransportFixtures.statusServer(1, authenticator(1)));
    }

    @Test
    void statusServerWithInvalidMessageAuthenticatorIsDropped() {
        byte[] wire = TransportFixtures.statusServer(1, authenticator(1));
        wire[5] ^= 0x01; // the Request Authenticator is covered by the HMAC
        assertDropped(STRICT_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    @Test
    void accountingRequestWithValidAuthenticatorPasses() {
        assertPasses(STRICT_NAS, accountingRequest(1, false, userName("jan@nijmegen.nl")));
        assertPasses(STRICT_NAS, accountingRequest(2, true, userName("jan@nijmegen.nl")));
    }

    @Test
    void accountingRequestWithWrongAuthenticatorIsDropped() {
        byte[] wire = accountingRequest(1, false, userName("jan@nijmegen.nl"));
        wire[10] ^= 0x01;
        assertDropped(STRICT_NAS, wire, DropReason.BAD_AUTHENTICATOR);
        assertDropped(LEGACY_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    @Test
    void accountingRequestWithInvalidMessageAuthenticatorIsDropped() {
        byte[] wire = accountingRequest(1, true, userName("jan@nijmegen.nl"));
        wire[messageAuthenticatorOffset(wire)] ^= 0x01;
        assertDropped(STRICT_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    @Test
    void accountingRequestSignedWithAnotherSecretIsDropped() {
        byte[] wire = PacketEncoder.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 1, new byte[16],
                List.of(userName("jan@nijmegen.nl")), "wrong-secret".getBytes(StandardCharsets.UTF_8), false);
        assertDropped(STRICT_NAS, wire, DropReason.BAD_AUTHENTICATOR);
    }

    private void assertPasses(ClientConfig client, byte[] wire) {
        InboundRequest request = inbound(client, wire, ACCOUNTING_LISTENER, 1L);
        channel.writeInbound(request);
        assertSame(request, channel.readInbound(), "request should pass");
        for (DropReason reason : DropReason.values()) {
            assertEquals(0, counters.drops(reason), reason.name());
        }
    }

    private void assertDropped(ClientConfig client, byte[] wire, DropReason expected) {
        long before = counters.drops(expected);
        channel.writeInbound(inbound(client, wire, ACCOUNTING_LISTENER, 1L));
        assertNull(channel.readInbound(), "request should be dropped as " + expected);
        assertEquals(before + 1, counters.drops(expected), "counted as " + expected);
    }
}
