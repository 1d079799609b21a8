package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.AUTH_LISTENER;
import static nl.govroam.server.transport.TransportFixtures.NAS;
import static nl.govroam.server.transport.TransportFixtures.STRICT_NAS;
import static nl.govroam.server.transport.TransportFixtures.accessRequest;
import static nl.govroam.server.transport.TransportFixtures.assertReplyVerifies;
import static nl.govroam.server.transport.TransportFixtures.attributeTypes;
import static nl.govroam.server.transport.TransportFixtures.authenticator;
import static nl.govroam.server.transport.TransportFixtures.decode;
import static nl.govroam.server.transport.TransportFixtures.inbound;
import static nl.govroam.server.transport.TransportFixtures.readReply;
import static nl.govroam.server.transport.TransportFixtures.userName;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-off to a processor. The channel is the duplicate filter plus the dispatcher, so every request arrives
 * tracked in {@link #cache} as it does in a listener.
 */
class RequestDispatcherTest {
    private static final int IN_FLIGHT_LIMIT = 4;
    private static final RadiusAttribute REPLY_MESSAGE = RadiusAttribute.ofString(AttributeType.REPLY_MESSAGE, "welkom");

    private final TransportCounters counters = new TransportCounters();
    private final DuplicateCache cache = new DuplicateCache(5_000_000_000L, 1000);
    private final AtomicInteger processed = new AtomicInteger();
    private Semaphore inFlight = new Semaphore(IN_FLIGHT_LIMIT);
    private EmbeddedChannel channel;
    private ExecutorService workers;

    @AfterEach
    void stopWhatWasStarted() throws InterruptedException {
        if (workers != null) {
            workers.shutdownNow();
            assertTrue(workers.awaitTermination(5, TimeUnit.SECONDS));
        }
        assertFalse(channel.finishAndReleaseAll(), "no unread messages left in the channel");
    }

    @Test
    void replyIsSentSignedAndCached() {
        channel = channel(request -> {
            processed.incrementAndGet();
            return Decision.Reply.now(PacketCode.ACCESS_ACCEPT, List.of(REPLY_MESSAGE));
        }, Runnable::run);
        InboundRequest request = inbound(STRICT_NAS, accessRequest(31, authenticator(31), true, userName("jan@nijmegen.nl")));

        channel.writeInbound(request);

        byte[] reply = readReply(channel, NAS);
        assertEquals(PacketCode.ACCESS_ACCEPT, decode(reply).code());
        assertEquals(List.of(AttributeType.MESSAGE_AUTHENTICATOR, AttributeType.REPLY_MESSAGE), attributeTypes(decode(reply)));
        assertReplyVerifies(reply, authenticator(31));
        assertEquals(1, counters.replies());
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits(), "the in-flight permit is given back");
        DuplicateCache.Lookup cached = cache.begin(key(31), authenticator(31), System.nanoTime());
        assertArrayEquals(reply, assertInstanceOf(DuplicateCache.Lookup.Answered.class, cached).reply());
    }

    @Test
    void silenceSendsNothingForgetsTheRequestAndCountsItsReason() {
        channel = channel(request -> {
            processed.incrementAndGet();
            return new Decision.Silence(DropReason.DIRECTORY_UNAVAILABLE);
        }, Runnable::run);
        byte[] wire = accessRequest(32, authenticator(32), true);

        channel.writeInbound(inbound(STRICT_NAS, wire));

        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.DIRECTORY_UNAVAILABLE));
        assertEquals(0, counters.replies());
        assertEquals(0, cache.size(), "a request without reply is forgotten");
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits());

        channel.writeInbound(inbound(STRICT_NAS, wire));
        assertEquals(2, processed.get(), "so the NAS's retransmission is worked on again");
        assertEquals(0, counters.drops(DropReason.DUPLICATE_IN_PROGRESS));
    }

    @Test
    void processorThatThrowsGetsNoReplyAndIsCountedAsInternalError() {
        channel = channel(request -> {
            throw new IllegalStateException("directory client bug");
        }, Runnable::run);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(33, authenticator(33), true)));

        channel.checkException();
        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.INTERNAL_ERROR));
        assertEquals(0, cache.size());
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits(), "the permit is given back after a failure");
    }

    @Test
    void processorThatThrowsAnErrorIsContainedToo() {
        channel = channel(request -> {
            throw new AssertionError("unexpected state");
        }, Runnable::run);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(34, authenticator(34), true)));

        channel.checkException();
        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.INTERNAL_ERROR));
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits());
    }

    @Test
    void processorReturningNullIsAnInternalError() {
        channel = channel(request -> null, Runnable::run);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(35, authenticator(35), true)));

        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.INTERNAL_ERROR));
        assertEquals(0, cache.size());
    }

    @Test
    void replyThatCannotBeEncodedIsDroppedForgottenAndCounted() {
        channel = channel(request -> Decision.Reply.now(PacketCode.ACCESS_ACCEPT,
                List.of(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16]))), Runnable::run);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(36, authenticator(36), true)));

        channel.checkException();
        assertNull(channel.readOutbound());
        assertEquals(0, cache.size());
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits());
        assertEquals(1, counters.drops(DropReason.INTERNAL_ERROR),
                "BUG RequestDispatcher.decideAndReply (catch IllegalArgumentException around ReplyEncoder.encode): a"
                        + " reply that cannot be encoded is dropped with an unthrottled LOG.error and no drop counter;"
                        + " it should count DropReason.INTERNAL_ERROR like the other no-reply paths (STYLE.md 7)");
    }

    @Test
    void requestBeyondTheInFlightLimitIsDroppedAsOverload() throws InterruptedException {
        inFlight = new Semaphore(1);
        workers = Executors.newSingleThreadExecutor();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        channel = channel(request -> {
            processed.incrementAndGet();
            entered.countDown();
            try {
                if (!proceed.await(10, TimeUnit.SECONDS)) {
                    return new Decision.Silence(DropReason.INTERNAL_ERROR);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Decision.Silence(DropReason.INTERNAL_ERROR);
            }
            return Decision.Reply.now(PacketCode.ACCESS_REJECT, List.of());
        }, workers);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(37, authenticator(37), true)));
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the first request reaches the processor");
        channel.writeInbound(inbound(STRICT_NAS, accessRequest(38, authenticator(38), true)));

        assertEquals(1, counters.drops(DropReason.OVERLOAD));
        assertEquals(1, cache.size(), "the shed request is forgotten; only the first is tracked");
        assertInstanceOf(DuplicateCache.Lookup.New.class, cache.begin(key(38), authenticator(38), System.nanoTime()),
                "a retransmission of the shed request is new, not in progress");

        proceed.countDown();
        workers.shutdown();
        assertTrue(workers.awaitTermination(10, TimeUnit.SECONDS));
        channel.runPendingTasks();

        byte[] reply = readReply(channel, NAS);
        assertEquals(37, decode(reply).identifier());
        assertNull(channel.readOutbound(), "no reply for the shed request");
        assertEquals(1, processed.get());
        assertEquals(1, inFlight.availablePermits());
    }

    @Test
    void decisionMadeOnTheEventLoopIsSentWithoutTheWorkers() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("no worker may be used");
        };
        RequestProcessor onTheLoop = asyncOnly(java.util.concurrent.CompletableFuture.completedFuture(
                Decision.Reply.now(PacketCode.ACCESS_ACCEPT, List.of(REPLY_MESSAGE))));
        channel = channel(onTheLoop, refusing);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(45, authenticator(45), true)));

        assertReplyVerifies(readReply(channel, NAS), authenticator(45));
        assertEquals(0, counters.drops(DropReason.OVERLOAD));
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits());
    }

    @Test
    void decisionThatFailsLaterIsAnInternalErrorAndGivesThePermitBack() {
        java.util.concurrent.CompletableFuture<Decision> later = new java.util.concurrent.CompletableFuture<>();
        RequestProcessor pending = asyncOnly(later);
        channel = channel(pending, Runnable::run);
        channel.writeInbound(inbound(STRICT_NAS, accessRequest(46, authenticator(46), true)));
        assertEquals(IN_FLIGHT_LIMIT - 1, inFlight.availablePermits(), "held while the decision is pending");

        later.completeExceptionally(new IllegalStateException("directory bug"));

        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.INTERNAL_ERROR));
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits());
        assertEquals(0, cache.size());
    }

    @Test
    void executorThatRefusesWorkIsOverloadAndGivesThePermitBack() {
        Executor refusing = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        channel = channel(request -> Decision.Reply.now(PacketCode.ACCESS_ACCEPT, List.of()), refusing);

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(39, authenticator(39), true)));

        channel.checkException();
        assertNull(channel.readOutbound());
        assertEquals(1, counters.drops(DropReason.OVERLOAD));
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits());
        assertEquals(0, cache.size());
    }

    @Test
    void rejectDelayIsScheduledOnTheEventLoopAndHonoured() {
        channel = channel(request -> new Decision.Reply(PacketCode.ACCESS_REJECT, List.of(), Duration.ofSeconds(1)),
                Runnable::run);
        channel.freezeTime();
        byte[] wire = accessRequest(40, authenticator(40), true);

        channel.writeInbound(inbound(STRICT_NAS, wire));

        assertNull(channel.readOutbound(), "held back, not sent at once");
        assertEquals(IN_FLIGHT_LIMIT, inFlight.availablePermits(), "a held reply does not hold an in-flight permit");

        channel.advanceTimeBy(500, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertNull(channel.readOutbound(), "still held at 0.5 s");

        channel.writeInbound(inbound(STRICT_NAS, wire));
        assertEquals(1, counters.drops(DropReason.DUPLICATE_IN_PROGRESS), "a retransmission while held is discarded");

        channel.advanceTimeBy(600, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        byte[] reply = readReply(channel, NAS);
        assertEquals(PacketCode.ACCESS_REJECT, decode(reply).code());
        assertReplyVerifies(reply, authenticator(40));
        assertEquals(1, counters.replies());
        assertInstanceOf(DuplicateCache.Lookup.Answered.class, cache.begin(key(40), authenticator(40), System.nanoTime()));
    }

    @Test
    void rejectDelayAlreadySpentWhileProcessingSendsAtOnce() {
        channel = channel(request -> new Decision.Reply(PacketCode.ACCESS_REJECT, List.of(), Duration.ofSeconds(1)),
                Runnable::run);
        channel.freezeTime();
        long receivedTwoSecondsAgo = System.nanoTime() - 2_000_000_000L;

        channel.writeInbound(inbound(STRICT_NAS, accessRequest(41, authenticator(41), true), AUTH_LISTENER,
                receivedTwoSecondsAgo));

        assertEquals(PacketCode.ACCESS_REJECT, decode(readReply(channel, NAS)).code());
    }

    /** A processor that decides only in its non-blocking form, with {@code decision}. */
    private static RequestProcessor asyncOnly(java.util.concurrent.CompletionStage<Decision> decision) {
        return new RequestProcessor() {
            @Override
            public Decision process(InboundRequest request) {
                throw new AssertionError("the blocking form must not be called");
            }

            @Override
            public java.util.concurrent.CompletionStage<Decision> processAsync(InboundRequest request, Executor workers) {
                return decision;
            }
        };
    }

    private EmbeddedChannel channel(RequestProcessor processor, Executor executor) {
        RequestDispatcher dispatcher = new RequestDispatcher(processor, executor, inFlight, cache, counters,
                TransportFixtures.dropLog());
        return new EmbeddedChannel(new DuplicateRequestFilter(cache, counters), dispatcher);
    }

    private static DuplicateCache.Key key(int identifier) {
        return new DuplicateCache.Key(NAS, identifier, AUTH_LISTENER.getPort());
    }
}
