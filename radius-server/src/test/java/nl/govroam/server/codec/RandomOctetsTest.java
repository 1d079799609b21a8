package nl.govroam.server.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomOctetsTest {

    @Test
    void noSliceIsHandedOutTwiceAcrossManyRefills() {
        Set<ByteBuffer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {    // 16 octets each: about 80 refills of the pool
            assertTrue(seen.add(ByteBuffer.wrap(RandomOctets.of(16))), "a repeated authenticator at draw " + i);
        }
    }

    @Test
    void oddLengthsAndLongRequestsAreFilledWhole() {
        Set<ByteBuffer> seen = new java.util.HashSet<>();
        for (int length : new int[] {1, 2, 7, 8, 15, 1000, 1025, 5000}) {
            byte[] octets = RandomOctets.of(length);
            assertEquals(length, octets.length);
            if (length >= 8) {
                assertTrue(seen.add(ByteBuffer.wrap(octets, 0, 8)), "a repeated prefix at length " + length);
                assertTrue(nonZeroOctets(octets) > length / 2, "mostly zeros at length " + length);
            }
        }
    }

    @Test
    void threadsDrawingAtOnceNeverShareASlice() throws Exception {
        Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> draws = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                draws.add(threads.submit(() -> {
                    int duplicates = 0;
                    for (int i = 0; i < 5_000; i++) {
                        if (!seen.add(ByteBuffer.wrap(RandomOctets.of(16)))) {
                            duplicates++;
                        }
                    }
                    return duplicates;
                }));
            }
            for (Future<Integer> draw : draws) {
                assertEquals(0, draw.get());
            }
            assertEquals(20_000, seen.size());
        } finally {
            threads.shutdownNow();
        }
    }

    private static int nonZeroOctets(byte[] octets) {
        int n = 0;
        for (byte b : octets) {
            if (b != 0) {
                n++;
            }
        }
        return n;
    }
}
