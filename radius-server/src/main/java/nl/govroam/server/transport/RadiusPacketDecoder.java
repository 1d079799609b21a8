package nl.govroam.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketDecoder;

/** Decodes a client's datagram; malformed ones, and codes this port does not take, are dropped and counted. */
@ChannelHandler.Sharable
final class RadiusPacketDecoder extends SimpleChannelInboundHandler<ClientDatagram> {
    private final ListenerKind kind;
    private final TransportCounters counters;
    private final RateLimitedLog dropLog;

    RadiusPacketDecoder(ListenerKind kind, TransportCounters counters, RateLimitedLog dropLog) {
        this.kind = kind;
        this.counters = counters;
        this.dropLog = dropLog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientDatagram d) {
        switch (PacketDecoder.decode(d.data())) {
            case DecodeResult.Malformed m -> {
                counters.countDrop(DropReason.MALFORMED);
                dropLog.warn("malformed:" + d.client().name() + ":" + m.reason(),
                        "dropped datagram from client " + d.client().name() + ": malformed (" + m.reason().code() + ")");
            }
            case DecodeResult.Decoded ok when !kind.takes(ok.packet().code()) -> {
                counters.countDrop(DropReason.WRONG_PORT);
                dropLog.warn("wrong-port:" + d.client().name(), "dropped " + ok.packet().code() + " from client "
                        + d.client().name() + " on the " + kind.name().toLowerCase() + " port");
            }
            case DecodeResult.Decoded ok -> ctx.fireChannelRead(new InboundRequest(d.snapshot(), d.client(),
                    ok.packet(), ok.wire(), d.sender(), d.recipient(), d.receivedNanos()));
        }
    }
}
