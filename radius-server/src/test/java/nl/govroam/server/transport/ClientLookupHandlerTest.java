package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.AUTH_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.LEGACY_NAS;
import static nl.govroam.server.transport.TransportFixtures.NAS;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.address;
import static nl.govroam.server.transport.TransportFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import nl.govroam.server.service.ServiceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClientLookupHandlerTest {
    private final TransportCounters counters = new TransportCounters();
    private final AtomicReference<ServiceSnapshot> current = new AtomicReference<>(snapshot(List.of(STRICT_NAS)));
    private final EmbeddedChannel channel =
            new EmbeddedChannel(new ClientLookupHandler(current::get, counters, TransportFixtures.dropLog()));

    @AfterEach
    void nothingLeftBehind() {
        assertFalse(channel.finishAndReleaseAll(), "no unread messages left in the channel");
    }

    @Test
    void unknownSourceIsDroppedCountedAndReleased() {
        ByteBuf content = buffer(TransportFixtures.statusServer(1, TransportFixtures.authenticator(1)));
        InetSocketAddress stranger = new InetSocketAddress(address("198.51.100.9"), 1645);

        assertFalse(channel.writeInbound(new DatagramPacket(content, AUTH_LISTENER, stranger)));

        assertNull(channel.readInbound());
        assertEquals(0, content.refCnt(), "the datagram's buffer is released");
        assertEquals(1, counters.drops(DropReason.UNKNOWN_CLIENT));
        assertEquals(1, counters.received());
    }

    @Test
    void knownSourcePassesACopyOfTheDatagramAndReleasesTheBuffer() {
        byte[] octets = TransportFixtures.statusServer(7, TransportFixtures.authenticator(7));
        ByteBuf content = buffer(octets);
        long before = System.nanoTime();

        assertTrue(channel.writeInbound(new DatagramPacket(content, AUTH_LISTENER, NAS)));

        ClientDatagram d = assertInstanceOf(ClientDatagram.class, channel.readInbound());
        assertEquals(0, content.refCnt(), "the datagram's buffer is released after copying");
        assertArrayEquals(octets, d.data());
        assertSame(STRICT_NAS, d.client());
        assertSame(current.get(), d.snapshot());
        assertEquals(NAS, d.sender());
        assertEquals(AUTH_LISTENER, d.recipient());
        assertTrue(d.receivedNanos() >= before);
        assertEquals(0, counters.drops(DropReason.UNKNOWN_CLIENT));
        assertEquals(1, counters.received());
    }

    @Test
    void eachDatagramTakesTheSnapshotCurrentWhenItArrives() {
        channel.writeInbound(new DatagramPacket(buffer(new byte[20]), AUTH_LISTENER, NAS));
        ClientDatagram first = channel.readInbound();

        current.set(snapshot(List.of(LEGACY_NAS)));
        channel.writeInbound(new DatagramPacket(buffer(new byte[20]), AUTH_LISTENER, NAS));
        ClientDatagram second = channel.readInbound();

        assertSame(STRICT_NAS, first.client());
        assertSame(LEGACY_NAS, second.client());
        assertSame(current.get(), second.snapshot());
    }

    @Test
    void clientRemovedByAReloadIsUnknown() {
        current.set(snapshot(List.of()));
        ByteBuf content = buffer(new byte[20]);
        channel.writeInbound(new DatagramPacket(content, AUTH_LISTENER, NAS));
        assertNull(channel.readInbound());
        assertEquals(0, content.refCnt());
        assertEquals(1, counters.drops(DropReason.UNKNOWN_CLIENT));
    }

    @Test
    void floodFromOneUnknownSourceCostsOneLogLine() {
        List<ILoggingEvent> lines = capture("govroam.drops.test.one-source");
        EmbeddedChannel flooded = new EmbeddedChannel(new ClientLookupHandler(current::get, counters,
                new RateLimitedLog(LoggerFactory.getLogger("govroam.drops.test.one-source"), 10_000)));
        InetSocketAddress stranger = new InetSocketAddress(address("198.51.100.9"), 1645);
        for (int i = 0; i < 1000; i++) {
            flooded.writeInbound(new DatagramPacket(buffer(new byte[20]), AUTH_LISTENER, stranger));
        }
        assertEquals(1000, counters.drops(DropReason.UNKNOWN_CLIENT));
        assertEquals(1, lines.size());
        assertFalse(flooded.finishAndReleaseAll());
    }

    @Test
    void floodFromSpoofedUnknownSourcesIsRateLimitedToo() {
        List<ILoggingEvent> lines = capture("govroam.drops.test.spoofed");
        EmbeddedChannel flooded = new EmbeddedChannel(new ClientLookupHandler(current::get, counters,
                new RateLimitedLog(LoggerFactory.getLogger("govroam.drops.test.spoofed"), 10_000)));
        for (int i = 0; i < 1000; i++) {
            InetSocketAddress spoofed = new InetSocketAddress(address("10.0." + (i / 250) + "." + (1 + i % 250)), 1645);
            flooded.writeInbound(new DatagramPacket(buffer(new byte[20]), AUTH_LISTENER, spoofed));
        }
        assertEquals(1000, counters.drops(DropReason.UNKNOWN_CLIENT));
        assertFalse(flooded.finishAndReleaseAll());
        assertTrue(lines.size() <= 10, "BUG ClientLookupHandler.channelRead0 (line 37): the rate-limit key is"
                + " \"unknown-client:\" + source IP, so a flood with spoofed UDP source addresses logs one WARN line per"
                + " packet (" + lines.size() + " lines for 1000 datagrams in one interval) instead of one per interval"
                + " (RateLimitedLog's contract, STYLE.md 7); key on \"unknown-client\" alone");
    }

    /** Collects what a logger writes, without passing it on to the console. */
    private static List<ILoggingEvent> capture(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.WARN);
        return appender.list;
    }

    /** A buffer from the default (pooled, leak-tracked) allocator, as a real channel would deliver. */
    private static ByteBuf buffer(byte[] octets) {
        return ByteBufAllocator.DEFAULT.buffer(octets.length).writeBytes(octets);
    }
}
