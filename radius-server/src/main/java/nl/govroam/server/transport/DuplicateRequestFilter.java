package nl.govroam.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/** Answers retransmissions from the cache or discards them while in progress; passes new requests on, tracked. */
@ChannelHandler.Sharable
final class DuplicateRequestFilter extends SimpleChannelInboundHandler<InboundRequest> {
    private final DuplicateCache cache;
    private final TransportCounters counters;

    DuplicateRequestFilter(DuplicateCache cache, TransportCounters counters) {
        this.cache = cache;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundRequest request) {
        DuplicateCache.Key key = new DuplicateCache.Key(request.sender(), request.packet().identifier(),
                request.recipient() == null ? 0 : request.recipient().getPort());
        switch (cache.begin(key, request.packet().authenticator(), request.receivedNanos())) {
            case DuplicateCache.Lookup.New fresh -> ctx.fireChannelRead(new TrackedRequest(request, key, fresh.entry()));
            case DuplicateCache.Lookup.InProgress ignored -> counters.countDrop(DropReason.DUPLICATE_IN_PROGRESS);
            case DuplicateCache.Lookup.Answered answered -> {
                counters.countDuplicateAnswered();
                ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answered.reply()), request.sender()));
            }
        }
    }

    /** A request with its duplicate-cache slot, so the dispatcher can record the answer. */
    record TrackedRequest(InboundRequest request, DuplicateCache.Key key, DuplicateCache.Entry entry) {
    }
}
