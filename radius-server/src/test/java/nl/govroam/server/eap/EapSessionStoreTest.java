package nl.govroam.server.eap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bounded conversation store: State values, one use per State, idle expiry, eviction of the oldest. */
class EapSessionStoreTest {
    private final AtomicLong now = new AtomicLong();

    private EapSessionStore<String> store(int max) {
        return new EapSessionStore<>(max, Duration.ofSeconds(30), now::get);
    }

    @Test
    void stateIsSixteenRandomOctetsAndTakesBackItsConversationOnce() {
        EapSessionStore<String> store = store(10);
        byte[] a = store.put("a", true);
        byte[] b = store.put("b", true);
        assertEquals(16, a.length);
        assertFalse(Arrays.equals(a, b));
        assertEquals("a", store.take(a).orElseThrow());
        assertTrue(store.take(a).isEmpty(), "a State is used once");
        assertTrue(store.take(new byte[16]).isEmpty());
        assertTrue(store.take(new byte[3]).isEmpty());
        assertEquals(1, store.size());
    }

    @Test
    void idleConversationsExpire() {
        EapSessionStore<String> store = store(10);
        byte[] old = store.put("old", true);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        byte[] fresh = store.put("fresh", true);
        assertTrue(store.take(old).isEmpty());
        assertEquals("fresh", store.take(fresh).orElseThrow());
        assertEquals(1L, store.counters().get("expired"));
    }

    @Test
    void floodOfStartsNeverGrowsPastTheBoundAndEvictsTheOldest() {
        EapSessionStore<String> store = store(100);
        List<byte[]> states = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            states.add(store.put("s" + i, true));
        }
        assertEquals(100, store.size());
        assertEquals(9_900L, store.counters().get("evicted"));
        assertTrue(store.take(states.get(0)).isEmpty(), "the oldest went first");
        assertEquals("s9999", store.take(states.get(9_999)).orElseThrow());
    }

    @Test
    void eachRoundGetsANewState() {
        EapSessionStore<String> store = store(10);
        byte[] first = store.put("c", true);
        String c = store.take(first).orElseThrow();
        byte[] second = store.put(c, false);
        assertNotEquals(Arrays.toString(first), Arrays.toString(second));
        assertEquals(1L, store.counters().get("created"));
    }
}
