package nl.govroam.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IoThreadsTest {
    @Test
    void withOneCpuTheHandshakeRunsOnTheCallingThread() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            IoThreads.handshakeWork(1, workers).execute(() -> ranOn.set(Thread.currentThread()));
            assertEquals(Thread.currentThread(), ranOn.get());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void withMoreCpusTheHandshakeGoesToTheWorkers() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            assertSame(workers, IoThreads.handshakeWork(2, workers));
        } finally {
            workers.shutdownNow();
        }
    }
}
