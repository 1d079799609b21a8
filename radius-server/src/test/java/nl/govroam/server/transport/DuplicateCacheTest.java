package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.NAS;
import static nl.govroam.server.transport.TransportFixtures.address;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 5080 2.2.2 duplicate detection, with explicit nanosecond clocks. */
class DuplicateCacheTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = 5 * SECOND;
    private static final DuplicateCache.Key KEY = new DuplicateCache.Key(NAS, 17, 1812);
    private static final byte[] REPLY = {2, 17, 0, 20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private final DuplicateCache cache = new DuplicateCache(WINDOW, 1000);

    @Test
    void firstArrivalIsNew() {
        assertInstanceOf(DuplicateCache.Lookup.New.class, cache.begin(KEY, authenticator(1), 0));
        assertEquals(1, cache.size());
    }

    @Test
    void retransmissionWhileInProgressIsInProgress() {
        cache.begin(KEY, authenticator(1), 0);
        assertInstanceOf(DuplicateCache.Lookup.InProgress.class, cache.begin(KEY, authenticator(1), SECOND));
        assertEquals(1, cache.size());
    }

    @Test
    void retransmissionAfterTheAnswerGetsTheSameOctets() {
        DuplicateCache.Entry entry = newEntry(cache.begin(KEY, authenticator(1), 0));
        cache.answered(entry, REPLY, SECOND);

        DuplicateCache.Lookup again = cache.begin(KEY, authenticator(1), 2 * SECOND);

        assertArrayEquals(REPLY, assertInstanceOf(DuplicateCache.Lookup.Answered.class, again).reply());
    }

    @Test
    void newAuthenticatorUnderTheSameKeyIsANewRequestAndReplacesTheEntry() {
        DuplicateCache.Entry first = newEntry(cache.begin(KEY, authenticator(1), 0));
        cache.answered(first, REPLY, SECOND);

        DuplicateCache.Entry second = newEntry(cache.begin(KEY, authenticator(2), 2 * SECOND));

        assertEquals(1, cache.size());
        assertInstanceOf(DuplicateCache.Lookup.InProgress.class, cache.begin(KEY, authenticator(2), 3 * SECOND));
        // the old request's authenticator now is new again: its entry is gone
        assertInstanceOf(DuplicateCache.Lookup.New.class, cache.begin(KEY, authenticator(1), 4 * SECOND));
        assertTrue(first != second);
    }

    @Test
    void newAuthenticatorReplacesAnEntryStillInProgress() {
        cache.begin(KEY, authenticator(1), 0);
        assertInstanceOf(DuplicateCache.Lookup.New.class, cache.begin(KEY, authenticator(2), SECOND));
        assertInstanceOf(DuplicateCache.Lookup.InProgress.class, cache.begin(KEY, authenticator(2), SECOND));
    }

    @Test
    void otherIdentifierSenderPortOrListenerIsAnotherRequest() {
        cache.begin(KEY, authenticator(1), 0);
        byte[] same = authenticator(1);
        assertInstanceOf(DuplicateCache.Lookup.New.class,
                cache.begin(new DuplicateCache.Key(NAS, 18, 1812), same, 0));
        assertInstanceOf(DuplicateCache.Lookup.New.class,
                cache.begin(new DuplicateCache.Key(new InetSocketAddress(NAS.getAddress(), 40_001), 17, 1812), same, 0));
        assertInstanceOf(DuplicateCache.Lookup.New.class,
                cache.begin(new DuplicateCache.Key(new InetSocketAddress(address("192.0.2.11"), 40_000), 17, 1812), same, 0));
        assertInstanceOf(DuplicateCache.Lookup.New.class,
                cache.begin(new DuplicateCache.Key(NAS, 17, 1813), same, 0));
        assertEquals(5, cache.size());
    }

    @Test
    void answeredEntryExpiresAfterTheWindowCountedFromTheAnswer() {
        DuplicateCache.Entry entry = newEntry(cache.begin(KEY, authenticator(1), 0));
        long answeredAt = 10 * SECOND;
        cache.answered(entry, REPLY, answeredAt);

        assertInstanceOf(DuplicateCache.Lookup.Answered.class, cache.begin(KEY, authenticator(1), answeredAt + WINDOW));
        assertInstanceOf(DuplicateCache.Lookup.New.class, cache.begin(KEY, authenticator(1), answeredAt + WINDOW + 1));
    }

    @Test
    void evictExpiredRemovesOnlyExpiredEntries() {
        DuplicateCache.Entry old = newEntry(cache.begin(KEY, authenticator(1), 0));
        cache.answered(old, REPLY, 0);
        DuplicateCache.Key other = new DuplicateCache.Key(NAS, 18, 1812);
        DuplicateCache.Entry recent = newEntry(cache.begin(other, authenticator(1), 4 * SECOND));
        cache.answered(recent, REPLY, 4 * SECOND);

        cache.evictExpired(6 * SECOND);

        assertEquals(1, cache.size());
        assertInstanceOf(DuplicateCache.Lookup.Answered.class, cache.begin(other, authenticator(1), 6 * SECOND));
    }

    @Test
    void unansweredEntryIsStaleOnlyAfterALongBound() {
        cache.begin(KEY, authenticator(1), 0);
        cache.evictExpired(60 * SECOND);
        assertEquals(1, cache.size(), "a request still being worked on is kept well past the reply window");
        cache.evictExpired(121 * SECOND);
        assertEquals(0, cache.size());
    }

    @Test
    void forgetMakesARetransmissionNewAgain() {
        DuplicateCache.Entry entry = newEntry(cache.begin(KEY, authenticator(1), 0));
        cache.forget(KEY, entry);
        assertEquals(0, cache.size());
        assertInstanceOf(DuplicateCache.Lookup.New.class, cache.begin(KEY, authenticator(1), SECOND));
    }

    @Test
    void forgetOfAReplacedEntryLeavesTheNewOne() {
        DuplicateCache.Entry first = newEntry(cache.begin(KEY, authenticator(1), 0));
        cache.begin(KEY, authenticator(2), SECOND);

        cache.forget(KEY, first);

        assertEquals(1, cache.size());
        assertInstanceOf(DuplicateCache.Lookup.InProgress.class, cache.begin(KEY, authenticator(2), SECOND));
    }

    @Test
    void floodOfDistinctKeysNeverGrowsPastTheBound() {
        DuplicateCache small = new DuplicateCache(WINDOW, 64);
        for (int i = 0; i < 10_000; i++) {
            DuplicateCache.Key key = new DuplicateCache.Key(new InetSocketAddress(NAS.getAddress(), 1024 + i), i & 0xFF, 1812);
            assertInstanceOf(DuplicateCache.Lookup.New.class, small.begin(key, authenticator(i), i));
            assertTrue(small.size() <= 64, "size " + small.size() + " after " + (i + 1) + " keys");
        }
        assertEquals(64, small.size());
    }

    @Test
    void fullCacheMakesRoomByEvictingExpiredEntries() {
        DuplicateCache small = new DuplicateCache(WINDOW, 2);
        for (int i = 0; i < 2; i++) {
            DuplicateCache.Key key = new DuplicateCache.Key(NAS, i, 1812);
            small.answered(newEntry(small.begin(key, authenticator(i), 0)), REPLY, 0);
        }
        DuplicateCache.Key late = new DuplicateCache.Key(NAS, 99, 1812);

        small.begin(late, authenticator(9), WINDOW + 1);

        assertEquals(1, small.size());
        assertInstanceOf(DuplicateCache.Lookup.InProgress.class, small.begin(late, authenticator(9), WINDOW + 2),
                "the new request is tracked once expired entries made room");
    }

    @Test
    void fullCacheStillTracksRetransmissionsOfKnownKeys() {
        DuplicateCache small = new DuplicateCache(WINDOW, 1);
        DuplicateCache.Entry entry = newEntry(small.begin(KEY, authenticator(1), 0));
        small.begin(new DuplicateCache.Key(NAS, 99, 1812), authenticator(2), 0);
        small.answered(entry, REPLY, 0);
        assertInstanceOf(DuplicateCache.Lookup.Answered.class, small.begin(KEY, authenticator(1), SECOND));
    }

    private static DuplicateCache.Entry newEntry(DuplicateCache.Lookup lookup) {
        return assertInstanceOf(DuplicateCache.Lookup.New.class, lookup).entry();
    }
}
