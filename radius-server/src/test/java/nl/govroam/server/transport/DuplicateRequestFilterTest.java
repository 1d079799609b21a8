package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.AUTH_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.NAS;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.accessRequest;
import static nl.govroam.server.transport.TransportFixtures.assertReplyVerifies;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static nl.govroam.server.transport.TransportFixtures.datagram;
import static nl.govroam.server.transport.TransportFixtures.inbound;
import static nl.govroam.server.transport.TransportFixtures.readReply;
import static nl.govroam.server.transport.TransportFixtures.snapshot;
import static nl.govroam.server.transport.TransportFixtures.userName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RFC 5080 2.2.2 and federation-rules.md 9 at the pipeline: retransmissions answered from the cache. */
class DuplicateRequestFilterTest {
    private final TransportCounters counters = new TransportCounters();
    private final DuplicateCache cache = new DuplicateCache(5_000_000_000L, 1000);
    private EmbeddedChannel channel;

    @AfterEach
    void nothingLeftBehind() {
        assertFalse(channel.finishAndReleaseAll(), "no unread messages left in the channel");
    }

    @Test
    void newRequestPassesTrackedUnderItsKey() {
        channel = new EmbeddedChannel(new DuplicateRequestFilter(cache, counters));
        InboundRequest request = inbound(STRICT_NAS, accessRequest(9, authenticator(9), true), AUTH_LISTENER, 100L);

        channel.writeInbound(request);

        DuplicateRequestFilter.TrackedRequest tracked = channel.readInbound();
        assertSame(request, tracked.request());
        assertEquals(new DuplicateCache.Key(NAS, 9, AUTH_LISTENER.getPort()), tracked.key());
        assertEquals(1, cache.size());
    }

    @Test
    void retransmissionInProgressIsDiscardedAndAnsweredOneIsResent() {
        channel = new EmbeddedChannel(new DuplicateRequestFilter(cache, counters));
        byte[] wire = accessRequest(9, authenticator(9), true);
        channel.writeInbound(inbound(STRICT_NAS, wire, AUTH_LISTENER, 100L));
        DuplicateRequestFilter.TrackedRequest tracked = channel.readInbound();

        channel.writeInbound(inbound(STRICT_NAS, wire, AUTH_LISTENER, 200L));
        assertNull(channel.readInbound());
        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.DUPLICATE_IN_PROGRESS));

        byte[] cachedReply = {2, 9, 0, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        cache.answered(tracked.entry(), cachedReply, 300L);
        channel.writeInbound(inbound(STRICT_NAS, wire, AUTH_LISTENER, 400L));

        assertNull(channel.readInbound());
        assertArrayEquals(cachedReply, readReply(channel, NAS));
        assertEquals(1, counters.duplicatesAnswered());
    }

    @Test
    void retransmittedAccessRequestIsAnsweredFromTheCacheWithIdenticalOctets() {
        AtomicInteger processed = new AtomicInteger();
        RequestProcessor processor = request -> Decision.Reply.now(PacketCode.ACCESS_ACCEPT,
                List.of(RadiusAttribute.ofInt(AttributeType.SESSION_TIMEOUT, 3600 + processed.incrementAndGet())));
        channel = TransportFixtures.pipeline(ListenerKind.AUTH, snapshot(List.of(STRICT_NAS)), processor, Runnable::run,
                new Semaphore(4), cache, counters);
        byte[] request = accessRequest(10, authenticator(10), true, userName("jan@nijmegen.nl"));

        channel.writeInbound(datagram(request, AUTH_LISTENER));
        byte[] first = readReply(channel, NAS);
        channel.writeInbound(datagram(request, AUTH_LISTENER));
        byte[] second = readReply(channel, NAS);

        assertArrayEquals(first, second, "the retransmission gets the cached octets");
        assertReplyVerifies(second, authenticator(10));
        assertEquals(1, processed.get(), "not processed twice");
        assertEquals(1, counters.replies());
        assertEquals(1, counters.duplicatesAnswered());
    }

    @Test
    void sameIdentifierWithANewAuthenticatorIsProcessedAgain() {
        AtomicInteger processed = new AtomicInteger();
        RequestProcessor processor = request -> {
            processed.incrementAndGet();
            return Decision.Reply.now(PacketCode.ACCESS_REJECT, List.of());
        };
        channel = TransportFixtures.pipeline(ListenerKind.AUTH, snapshot(List.of(STRICT_NAS)), processor, Runnable::run,
                new Semaphore(4), cache, counters);

        channel.writeInbound(datagram(accessRequest(11, authenticator(1), true), AUTH_LISTENER));
        byte[] first = readReply(channel, NAS);
        channel.writeInbound(datagram(accessRequest(11, authenticator(2), true), AUTH_LISTENER));
        byte[] second = readReply(channel, NAS);

        assertEquals(2, processed.get());
        assertReplyVerifies(first, authenticator(1));
        assertReplyVerifies(second, authenticator(2));
        assertEquals(0, counters.duplicatesAnswered());
    }

    @Test
    void requestWithAnInvalidMessageAuthenticatorNeverTouchesTheCache() {
        channel = TransportFixtures.pipeline(ListenerKind.AUTH, snapshot(List.of(STRICT_NAS)),
                request -> Decision.Reply.now(PacketCode.ACCESS_ACCEPT, List.of()), Runnable::run, new Semaphore(4),
                cache, counters);
        byte[] forged = accessRequest(12, authenticator(12), true);
        forged[forged.length - 1] ^= 0x01;

        channel.writeInbound(datagram(forged, AUTH_LISTENER));

        assertNull(channel.readOutbound());
        assertEquals(0, cache.size());
        assertEquals(1, counters.drops(DropReason.BAD_AUTHENTICATOR));
        // the genuine request with the same key and authenticator is then new, not a duplicate
        channel.writeInbound(datagram(accessRequest(12, authenticator(12), true), AUTH_LISTENER));
        assertInstanceOf(byte[].class, readReply(channel, NAS));
    }
}
