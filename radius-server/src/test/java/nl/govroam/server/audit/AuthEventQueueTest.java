package nl.govroam.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.config.ClientRole;
import org.junit.jupiter.api.Test;

class AuthEventQueueTest {

    private static AuthEvent event(String client) {
        return new AuthEvent(Instant.now(), client, "192.0.2.1", ClientRole.NAS, "user@example.nl", null, "example.nl",
                null, null, null, "PAP", null, "local", AuthEvent.Result.ACCEPT, "ok", "", 10);
    }

    @Test
    void eventsAreWrittenInOrderOnTheWriterThreadNotTheDecidingOne() {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (AuthEventQueue queue = new AuthEventQueue(e -> {
            written.add(e.client());
            threads.add(Thread.currentThread().getName());
        }, 1000)) {
            for (int i = 0; i < 500; i++) {
                queue.onDecision(event("c" + i));
            }
            assertTrue(queue.awaitWritten(Duration.ofSeconds(5)));
            assertEquals(500, written.size());
            for (int i = 0; i < 500; i++) {
                assertEquals("c" + i, written.get(i));
            }
            assertTrue(threads.stream().allMatch("auth-log-writer"::equals), threads.toString());
        }
    }

    @Test
    void aFullQueueMakesTheDecidingThreadWriteItselfAndLosesNothing() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (AuthEventQueue queue = new AuthEventQueue(e -> {
            if (Thread.currentThread().getName().equals("auth-log-writer")) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
            written.add(e.client());
            threads.add(Thread.currentThread().getName());
        }, 2)) {
            for (int i = 0; i < 10; i++) {
                queue.onDecision(event("c" + i));
            }
            assertTrue(threads.contains(Thread.currentThread().getName()), "the deciding thread wrote the overflow");
            release.countDown();
            assertTrue(queue.awaitWritten(Duration.ofSeconds(5)));
            assertEquals(10, written.size(), written.toString());
        }
    }

    @Test
    void closingWritesWhatIsQueuedAndLaterEventsAreWrittenDirectly() {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        AuthEventQueue queue = new AuthEventQueue(e -> written.add(e.client()), 1000);
        for (int i = 0; i < 100; i++) {
            queue.onDecision(event("c" + i));
        }
        queue.close();
        assertEquals(100, written.size());
        queue.onDecision(event("late"));
        assertEquals("late", written.get(100));
    }

    @Test
    void aFailingSinkDoesNotStopTheWriter() {
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        try (AuthEventQueue queue = new AuthEventQueue(e -> {
            if (e.client().equals("bad")) {
                throw new IllegalStateException("disk full");
            }
            written.add(e.client());
        }, 1000)) {
            queue.onDecision(event("bad"));
            queue.onDecision(event("good"));
            assertTrue(queue.awaitWritten(Duration.ofSeconds(5)));
            assertEquals(List.of("good"), written);
            assertNotEquals(0, written.size());
        }
    }
}
