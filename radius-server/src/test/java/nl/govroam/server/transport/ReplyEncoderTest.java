package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.ACCOUNTING_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.accessRequest;
import static nl.govroam.server.transport.TransportFixtures.accountingRequest;
import static nl.govroam.server.transport.TransportFixtures.assertReplyVerifies;
import static nl.govroam.server.transport.TransportFixtures.attributeTypes;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static nl.govroam.server.transport.TransportFixtures.decode;
import static nl.govroam.server.transport.TransportFixtures.inbound;
import static nl.govroam.server.transport.TransportFixtures.proxyState;
import static nl.govroam.server.transport.TransportFixtures.statusServer;
import static nl.govroam.server.transport.TransportFixtures.userName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplyEncoderTest {
    private static final RadiusAttribute REPLY_MESSAGE = RadiusAttribute.ofString(AttributeType.REPLY_MESSAGE, "welkom");
    private static final RadiusAttribute SESSION_TIMEOUT = RadiusAttribute.ofInt(AttributeType.SESSION_TIMEOUT, 3600);
    private static final List<RadiusAttribute> PROXY_STATES = List.of(proxyState("hop-1"), proxyState("hop-2"),
            new RadiusAttribute(AttributeType.PROXY_STATE, new byte[0]), proxyState("hop-1"));

    @ParameterizedTest
    @EnumSource(value = PacketCode.class, names = {"ACCESS_ACCEPT", "ACCESS_REJECT", "ACCESS_CHALLENGE"})
    void accessRepliesHaveMessageAuthenticatorFirstThenAttributesThenProxyStatesInOrder(PacketCode code) {
        byte[] requestWire = accessRequest(21, authenticator(21), true, proxyState("hop-1"), userName("jan@nijmegen.nl"),
                proxyState("hop-2"), new RadiusAttribute(AttributeType.PROXY_STATE, new byte[0]), proxyState("hop-1"));
        InboundRequest request = inbound(STRICT_NAS, requestWire);

        byte[] reply = ReplyEncoder.encode(request, code, List.of(REPLY_MESSAGE, SESSION_TIMEOUT));

        RadiusPacket packet = decode(reply);
        assertEquals(code, packet.code());
        assertEquals(21, packet.identifier());
        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR, AttributeType.REPLY_MESSAGE,
                AttributeType.SESSION_TIMEOUT, AttributeType.PROXY_STATE, AttributeType.PROXY_STATE,
                AttributeType.PROXY_STATE, AttributeType.PROXY_STATE), attributeTypes(packet));
        assertEquals(List.of(REPLY_MESSAGE, SESSION_TIMEOUT), packet.attributes().subList(1, 3));
        assertEquals(PROXY_STATES, packet.all(AttributeType.PROXY_STATE), "echoed unmodified and in order");
        assertReplyVerifies(reply, authenticator(21));
    }

    @Test
    void accessReplyWithoutAttributesOrProxyStateIsOnlyTheMessageAuthenticator() {
        byte[] reply = ReplyEncoder.encode(inbound(STRICT_NAS, accessRequest(22, authenticator(22), true)),
                PacketCode.ACCESS_REJECT, List.of());
        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR), attributeTypes(decode(reply)));
        assertReplyVerifies(reply, authenticator(22));
    }

    @Test
    void plainAccountingResponseHasNoMessageAuthenticatorButEchoesProxyState() {
        byte[] requestWire = accountingRequest(23, false, userName("jan@nijmegen.nl"), proxyState("hop-1"),
                proxyState("hop-2"));
        InboundRequest request = inbound(STRICT_NAS, requestWire, ACCOUNTING_LISTENER, 1L);

        byte[] reply = ReplyEncoder.encode(request, PacketCode.ACCOUNTING_RESPONSE, List.of());

        RadiusPacket packet = decode(reply);
        assertEquals(PacketCode.ACCOUNTING_RESPONSE, packet.code());
        assertEquals(List.of(AttributeType.PROXY_STATE, AttributeType.PROXY_STATE), attributeTypes(packet));
        assertEquals(List.of(proxyState("hop-1"), proxyState("hop-2")), packet.attributes());
        assertReplyVerifies(reply, request.packet().authenticator());
    }

    @Test
    void statusServersAccountingResponseHasMessageAuthenticatorFirst() {
        InboundRequest request = inbound(STRICT_NAS, statusServer(24, authenticator(24)), ACCOUNTING_LISTENER, 1L);

        byte[] reply = ReplyEncoder.encode(request, PacketCode.ACCOUNTING_RESPONSE, List.of());

        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR), attributeTypes(decode(reply)));
        assertReplyVerifies(reply, authenticator(24));
    }

    @Test
    void replyIsSignedWithTheClientsSecret() {
        byte[] reply = ReplyEncoder.encode(inbound(STRICT_NAS, accessRequest(25, authenticator(25), true)),
                PacketCode.ACCESS_ACCEPT, List.of(REPLY_MESSAGE));
        assertReplyVerifies(reply, authenticator(25));
        assertEquals(20 + 18 + REPLY_MESSAGE.wireLength(), reply.length);
    }
}
