package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.ACCOUNTING_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.AUTH_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.NAS;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.accessRequest;
import static nl.govroam.server.transport.TransportFixtures.accountingRequest;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static nl.govroam.server.transport.TransportFixtures.snapshot;
import static nl.govroam.server.transport.TransportFixtures.statusServer;
import static nl.govroam.server.transport.TransportFixtures.userName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;
import java.util.List;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.service.ServiceSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RadiusPacketDecoderTest {
    private static final ServiceSnapshot SNAPSHOT = snapshot(List.of(STRICT_NAS));
    private final TransportCounters counters = new TransportCounters();
    private final EmbeddedChannel auth =
            new EmbeddedChannel(new RadiusPacketDecoder(ListenerKind.AUTH, counters, TransportFixtures.dropLog()));
    private final EmbeddedChannel accounting =
            new EmbeddedChannel(new RadiusPacketDecoder(ListenerKind.ACCOUNTING, counters, TransportFixtures.dropLog()));

    @AfterEach
    void nothingLeftBehind() {
        assertFalse(auth.finishAndReleaseAll());
        assertFalse(accounting.finishAndReleaseAll());
    }

    @Test
    void accessRequestOnTheAuthListenerPassesDecoded() {
        byte[] wire = accessRequest(3, authenticator(3), true, userName("jan@nijmegen.nl"));
        ClientDatagram datagram = new ClientDatagram(SNAPSHOT, STRICT_NAS, wire, NAS, AUTH_LISTENER, 12345L);

        auth.writeInbound(datagram);

        InboundRequest request = assertInstanceOf(InboundRequest.class, auth.readInbound());
        assertEquals(PacketCode.ACCESS_REQUEST, request.packet().code());
        assertEquals(3, request.packet().identifier());
        assertArrayEquals(wire, request.wire());
        assertSame(SNAPSHOT, request.snapshot());
        assertSame(STRICT_NAS, request.client());
        assertEquals(NAS, request.sender());
        assertEquals(AUTH_LISTENER, request.recipient());
        assertEquals(12345L, request.receivedNanos());
    }

    @Test
    void paddedDatagramPassesWithTheWireCutAtLength() {
        byte[] wire = accessRequest(3, authenticator(3), true, userName("jan@nijmegen.nl"));
        byte[] padded = Arrays.copyOf(wire, wire.length + 5);

        auth.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, padded, NAS, AUTH_LISTENER, 1L));

        assertArrayEquals(wire, ((InboundRequest) auth.readInbound()).wire());
    }

    @Test
    void malformedDatagramsAreDroppedAsMalformed() {
        byte[] badLength = accessRequest(3, authenticator(3), true);
        badLength[3] = (byte) (badLength[3] + 1);
        byte[] unknownCode = accessRequest(3, authenticator(3), true);
        unknownCode[0] = 99;
        for (byte[] data : List.of(new byte[0], new byte[19], new byte[4097], badLength, unknownCode)) {
            auth.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, data, NAS, AUTH_LISTENER, 1L));
        }

        assertNull(auth.readInbound());
        assertEquals(5, counters.drops(DropReason.MALFORMED));
        assertEquals(0, counters.drops(DropReason.WRONG_PORT));
    }

    @Test
    void accountingRequestOnTheAuthListenerIsWrongPort() {
        auth.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, accountingRequest(4, false), NAS, AUTH_LISTENER, 1L));

        assertNull(auth.readInbound());
        assertEquals(1, counters.drops(DropReason.WRONG_PORT));
        assertEquals(0, counters.drops(DropReason.MALFORMED));
    }

    @Test
    void accessRequestOnTheAccountingListenerIsWrongPort() {
        accounting.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, accessRequest(5, authenticator(5), true), NAS,
                ACCOUNTING_LISTENER, 1L));

        assertNull(accounting.readInbound());
        assertEquals(1, counters.drops(DropReason.WRONG_PORT));
    }

    @Test
    void repliesSentToUsAreWrongPort() {
        byte[] accept = accessRequest(5, authenticator(5), false);
        accept[0] = (byte) PacketCode.ACCESS_ACCEPT.value();
        auth.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, accept, NAS, AUTH_LISTENER, 1L));

        assertNull(auth.readInbound());
        assertEquals(1, counters.drops(DropReason.WRONG_PORT));
    }

    @Test
    void statusServerIsTakenOnBothListeners() {
        auth.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, statusServer(6, authenticator(6)), NAS, AUTH_LISTENER, 1L));
        accounting.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, statusServer(7, authenticator(7)), NAS,
                ACCOUNTING_LISTENER, 1L));

        assertEquals(PacketCode.STATUS_SERVER, ((InboundRequest) auth.readInbound()).packet().code());
        assertEquals(PacketCode.STATUS_SERVER, ((InboundRequest) accounting.readInbound()).packet().code());
    }

    @Test
    void accountingRequestOnTheAccountingListenerPasses() {
        accounting.writeInbound(new ClientDatagram(SNAPSHOT, STRICT_NAS, accountingRequest(8, false), NAS,
                ACCOUNTING_LISTENER, 1L));
        assertEquals(PacketCode.ACCOUNTING_REQUEST, ((InboundRequest) accounting.readInbound()).packet().code());
    }
}
