package nl.govroam.server.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Decides a request. Two forms: {@link #process} may block (a directory, a disk, TLS work) and runs on a worker
 * (virtual) thread; {@link #processAsync} is what the listener calls, on its event loop, and must not block. A processor
 * that can decide without blocking (a realm reject, an asynchronous directory, a forwarded request) overrides it and
 * sends only its blocking work to {@code workers}. Either form returns within the processor's own timeouts and never
 * throws for bad input.
 */
@FunctionalInterface
public interface RequestProcessor {

    /** Decides on the calling thread, which may block. */
    Decision process(InboundRequest request);

    /**
     * Decides without blocking the caller (an event loop). The default runs {@link #process} on {@code workers}; a
     * {@link java.util.concurrent.RejectedExecutionException} from them is thrown at once (overload).
     */
    default CompletionStage<Decision> processAsync(InboundRequest request, Executor workers) {
        return CompletableFuture.supplyAsync(() -> process(request), workers);
    }
}
