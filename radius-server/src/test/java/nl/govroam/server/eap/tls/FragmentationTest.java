package nl.govroam.server.eap.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** L/M/S framing both ways (RFC 5216 2.1.5) and the reassembly bounds. */
class FragmentationTest {
    private static final int MAX = 64 * 1024;

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void outgoingMessageIsCutWithLengthOnTheFirstAndMoreOnAllButTheLast() {
        byte[] message = random(2500);
        Fragments fragments = new Fragments(message, 1000, 0);
        Reassembly joined = new Reassembly(MAX);
        TlsFrame first = TlsFrame.parse(fragments.next()).orElseThrow();
        assertTrue(first.lengthIncluded());
        assertEquals(2500, first.length());
        assertTrue(first.more());
        assertEquals(1000, first.dataLength());
        assertInstanceOf(Reassembly.NeedMore.class, joined.add(first));
        TlsFrame second = TlsFrame.parse(fragments.next()).orElseThrow();
        assertFalse(second.lengthIncluded());
        assertTrue(second.more());
        assertInstanceOf(Reassembly.NeedMore.class, joined.add(second));
        TlsFrame last = TlsFrame.parse(fragments.next()).orElseThrow();
        assertFalse(last.more());
        assertEquals(500, last.dataLength());
        assertFalse(fragments.hasMore());
        Reassembly.Complete complete = assertInstanceOf(Reassembly.Complete.class, joined.add(last));
        assertArrayEquals(message, complete.message());
    }

    @Test
    void smallMessageGoesInOnePacketWithoutFlags() {
        Fragments fragments = new Fragments(random(300), 1000, 0);
        byte[] typeData = fragments.next();
        assertEquals(0, typeData[0]);
        assertEquals(301, typeData.length);
        assertFalse(fragments.hasMore());
    }

    @Test
    void emptyMessageIsOneEmptyRequest() {
        Fragments fragments = new Fragments(new byte[0], 1000, 0);
        assertArrayEquals(new byte[] {0}, fragments.next());
        assertFalse(fragments.hasMore());
    }

    @Test
    void declaredLengthOverTheCapIsRefused() {
        byte[] typeData = TlsFrame.encode(TlsFrame.MORE_FRAGMENTS, MAX + 1L, random(10), 0, 10);
        assertInstanceOf(Reassembly.Refused.class, new Reassembly(MAX).add(TlsFrame.parse(typeData).orElseThrow()));
    }

    @Test
    void accumulatingPastTheCapIsRefusedEvenWithoutALength() {
        Reassembly joined = new Reassembly(16 * 1024);
        Reassembly.Result last = null;
        for (int i = 0; i < 20; i++) {
            last = joined.add(TlsFrame.parse(TlsFrame.encode(TlsFrame.MORE_FRAGMENTS, -1, random(1000), 0, 1000))
                    .orElseThrow());
            if (last instanceof Reassembly.Refused) {
                break;
            }
        }
        assertInstanceOf(Reassembly.Refused.class, last);
    }

    @Test
    void emptyMiddleFragmentIsRefused() {
        assertInstanceOf(Reassembly.Refused.class, new Reassembly(MAX).add(
                TlsFrame.parse(new byte[] {(byte) TlsFrame.MORE_FRAGMENTS}).orElseThrow()));
    }

    @Test
    void totalOtherThanTheDeclaredLengthIsRefused() {
        Reassembly joined = new Reassembly(MAX);
        joined.add(TlsFrame.parse(TlsFrame.encode(TlsFrame.MORE_FRAGMENTS, 3000, random(1000), 0, 1000)).orElseThrow());
        assertInstanceOf(Reassembly.Refused.class,
                joined.add(TlsFrame.parse(TlsFrame.encode(0, -1, random(500), 0, 500)).orElseThrow()));
    }

    @Test
    void lengthFlagWithoutLengthOctetsIsMalformed() {
        assertTrue(TlsFrame.parse(new byte[] {(byte) TlsFrame.LENGTH_INCLUDED, 0, 1}).isEmpty());
        assertTrue(TlsFrame.parse(new byte[0]).isEmpty());
    }
}
