package nl.govroam.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Last in the pipeline: asks the processor for a decision ({@link RequestProcessor#processAsync}, on the event loop;
 * the processor sends blocking work to the workers), within an in-flight limit that sheds load (drops and counts)
 * rather than queueing without bound; then sends the reply from whichever thread decided, at once or after its delay
 * (scheduled on the event loop, never slept on), and records it for duplicates. A decision made on the event loop
 * itself (a realm reject, an answer from a directory on the same loop) is written without any thread hand-off.
 */
@ChannelHandler.Sharable
final class RequestDispatcher extends SimpleChannelInboundHandler<DuplicateRequestFilter.TrackedRequest> {
    private final RequestProcessor processor;
    private final Executor executor;
    private final Semaphore inFlight;
    private final DuplicateCache cache;
    private final TransportCounters counters;
    private final RateLimitedLog dropLog;

    RequestDispatcher(RequestProcessor processor, Executor executor, Semaphore inFlight, DuplicateCache cache,
                      TransportCounters counters, RateLimitedLog dropLog) {
        this.processor = processor;
        this.executor = executor;
        this.inFlight = inFlight;
        this.cache = cache;
        this.counters = counters;
        this.dropLog = dropLog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DuplicateRequestFilter.TrackedRequest tracked) {
        if (!inFlight.tryAcquire()) {
            cache.forget(tracked.key(), tracked.entry());
            counters.countDrop(DropReason.OVERLOAD);
            dropLog.warn("overload", "dropped request from client " + tracked.request().client().name()
                    + ": " + DropReason.OVERLOAD.description());
            return;
        }
        Channel channel = ctx.channel();
        CompletionStage<Decision> decided;
        try {
            decided = processor.processAsync(tracked.request(), executor);
        } catch (RejectedExecutionException rejected) {
            inFlight.release();
            cache.forget(tracked.key(), tracked.entry());
            counters.countDrop(DropReason.OVERLOAD);
            return;
        } catch (RuntimeException | Error e) {
            inFlight.release();
            internalError(tracked, e);
            return;
        }
        decided.whenComplete((decision, failure) -> {
            // the permit is given back only once the reply is written (or held for its delay), so a graceful stop
            // that waits for the permits never closes the channel under a reply
            try {
                if (failure != null) {
                    internalError(tracked, failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                } else {
                    reply(channel, tracked, decision);
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private void internalError(DuplicateRequestFilter.TrackedRequest tracked, Throwable e) {
        dropLog.error("internal-error", "processing a request from client " + tracked.request().client().name()
                + " failed; no reply sent", e);
        cache.forget(tracked.key(), tracked.entry());
        counters.countDrop(DropReason.INTERNAL_ERROR);
    }

    private void reply(Channel channel, DuplicateRequestFilter.TrackedRequest tracked, Decision decision) {
        InboundRequest request = tracked.request();
        switch (decision) {
            case null -> {
                cache.forget(tracked.key(), tracked.entry());
                counters.countDrop(DropReason.INTERNAL_ERROR);
            }
            case Decision.Silence silence -> {
                cache.forget(tracked.key(), tracked.entry());
                counters.countDrop(silence.reason());
            }
            case Decision.Reply reply -> {
                byte[] octets;
                try {
                    octets = ReplyEncoder.encode(request, reply.code(), reply.attributes());
                } catch (IllegalArgumentException e) {
                    dropLog.warn("unencodable-reply", "reply to client " + request.client().name()
                            + " could not be encoded: " + e.getMessage() + "; no reply sent");
                    cache.forget(tracked.key(), tracked.entry());
                    counters.countDrop(DropReason.INTERNAL_ERROR);
                    return;
                }
                Runnable send = () -> {
                    cache.answered(tracked.entry(), octets, System.nanoTime());
                    counters.countReply();
                    channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(octets), request.sender()));
                };
                long delayNanos = reply.delay().toNanos() - (System.nanoTime() - request.receivedNanos());
                if (delayNanos <= 0) {
                    send.run();
                } else {
                    counters.replyHeld();
                    channel.eventLoop().schedule(() -> {
                        try {
                            send.run();
                        } finally {
                            counters.heldReplySent();
                        }
                    }, delayNanos, TimeUnit.NANOSECONDS);
                }
            }
        }
    }
}
