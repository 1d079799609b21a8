package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.ACCOUNTING_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.AUTH_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.LEGACY_NAS;
import static nl.govroam.server.transport.TransportFixtures.NAS;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.accessRequest;
import static nl.govroam.server.transport.TransportFixtures.assertReplyVerifies;
import static nl.govroam.server.transport.TransportFixtures.attributeTypes;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static nl.govroam.server.transport.TransportFixtures.datagram;
import static nl.govroam.server.transport.TransportFixtures.decode;
import static nl.govroam.server.transport.TransportFixtures.readReply;
import static nl.govroam.server.transport.TransportFixtures.snapshot;
import static nl.govroam.server.transport.TransportFixtures.statusServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.service.ServiceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status-Server (RFC 5997, federation-rules.md 7) through the whole listener pipeline. */
class StatusServerHandlerTest {
    private final TransportCounters counters = new TransportCounters();
    private final DuplicateCache cache = new DuplicateCache(5_000_000_000L, 1000);
    private final AtomicInteger processed = new AtomicInteger();
    private final RequestProcessor processor = request -> {
        processed.incrementAndGet();
        return new Decision.Silence(DropReason.INTERNAL_ERROR);
    };
    private EmbeddedChannel channel;

    @AfterEach
    void nothingLeftBehind() {
        assertFalse(channel.finishAndReleaseAll(), "no unread messages left in the channel");
    }

    @Test
    void statusServerOnTheAuthListenerIsAnsweredWithAccessAccept() {
        channel = pipeline(ListenerKind.AUTH);
        byte[] request = statusServer(42, authenticator(42));

        channel.writeInbound(datagram(request, AUTH_LISTENER));

        byte[] reply = readReply(channel, NAS);
        RadiusPacket packet = decode(reply);
        assertEquals(PacketCode.ACCESS_ACCEPT, packet.code());
        assertEquals(42, packet.identifier());
        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR), attributeTypes(packet));
        assertReplyVerifies(reply, authenticator(42));
        assertNothingElseHappened();
    }

    @Test
    void statusServerOnTheAccountingListenerIsAnsweredWithAccountingResponse() {
        channel = pipeline(ListenerKind.ACCOUNTING);
        byte[] request = statusServer(43, authenticator(43));

        channel.writeInbound(datagram(request, ACCOUNTING_LISTENER));

        byte[] reply = readReply(channel, NAS);
        RadiusPacket packet = decode(reply);
        assertEquals(PacketCode.ACCOUNTING_RESPONSE, packet.code());
        assertEquals(43, packet.identifier());
        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR), attributeTypes(packet),
                "Message-Authenticator first, also in a Status-Server's Accounting-Response");
        assertReplyVerifies(reply, authenticator(43));
        assertNothingElseHappened();
    }

    @Test
    void retransmittedStatusServerGetsIdenticalOctets() {
        channel = pipeline(ListenerKind.AUTH);
        byte[] request = statusServer(44, authenticator(44));

        channel.writeInbound(datagram(request, AUTH_LISTENER));
        byte[] first = readReply(channel, NAS);
        channel.writeInbound(datagram(request, AUTH_LISTENER));
        byte[] second = readReply(channel, NAS);

        assertArrayEquals(first, second);
        assertEquals(2, counters.replies());
        assertEquals(0, processed.get());
    }

    @Test
    void statusServerWithoutMessageAuthenticatorGetsNoAnswer() {
        channel = pipeline(ListenerKind.AUTH, snapshot(List.of(LEGACY_NAS)));
        byte[] request = PacketEncoder.encodeRequest(PacketCode.STATUS_SERVER, 45, authenticator(45), List.of(),
                TransportFixtures.SECRET, false);

        channel.writeInbound(datagram(request, AUTH_LISTENER));

        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        assertEquals(0, counters.replies());
    }

    @Test
    void statusServerWithAWrongMessageAuthenticatorGetsNoAnswer() {
        channel = pipeline(ListenerKind.ACCOUNTING);
        byte[] request = statusServer(46, authenticator(46));
        request[request.length - 1] ^= 0x01;

        channel.writeInbound(datagram(request, ACCOUNTING_LISTENER));

        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.BAD_AUTHENTICATOR));
        assertEquals(0, cache.size());
    }

    @Test
    void otherRequestsPassTheStatusServerHandlerUntouched() {
        EmbeddedChannel handlerOnly = new EmbeddedChannel(new StatusServerHandler(ListenerKind.AUTH, counters));
        InboundRequest request = TransportFixtures.inbound(STRICT_NAS, accessRequest(1, authenticator(1), true));
        handlerOnly.writeInbound(request);
        assertSame(request, handlerOnly.readInbound());
        assertNull(handlerOnly.readOutbound());
        assertFalse(handlerOnly.finishAndReleaseAll());
        channel = new EmbeddedChannel();
    }

    private void assertNothingElseHappened() {
        assertNull(channel.readOutbound(), "exactly one reply");
        assertEquals(0, processed.get(), "Status-Server is never handed to a processor");
        assertEquals(0, cache.size(), "Status-Server does not use the duplicate cache");
        assertEquals(1, counters.replies());
        for (DropReason reason : DropReason.values()) {
            assertEquals(0, counters.drops(reason), reason.name());
        }
    }

    private EmbeddedChannel pipeline(ListenerKind kind) {
        return pipeline(kind, snapshot(List.of(STRICT_NAS)));
    }

    private EmbeddedChannel pipeline(ListenerKind kind, ServiceSnapshot snapshot) {
        return TransportFixtures.pipeline(kind, snapshot, processor, Runnable::run, new Semaphore(4), cache, counters);
    }
}
