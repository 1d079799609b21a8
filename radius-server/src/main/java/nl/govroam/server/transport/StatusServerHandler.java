package nl.govroam.server.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.List;
import nl.govroam.server.codec.PacketCode;

/**
 * Answers Status-Server (RFC 5997) at once on the event loop: Access-Accept on the auth port, Accounting-Response on
 * the accounting port, with Message-Authenticator. No other action: no routing, no auth log line, never forwarded.
 * Other requests pass on.
 */
@ChannelHandler.Sharable
final class StatusServerHandler extends SimpleChannelInboundHandler<InboundRequest> {
    private final ListenerKind kind;
    private final TransportCounters counters;

    StatusServerHandler(ListenerKind kind, TransportCounters counters) {
        super(false);
        this.kind = kind;
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundRequest request) {
        if (request.packet().code() != PacketCode.STATUS_SERVER) {
            ctx.fireChannelRead(request);
            return;
        }
        byte[] reply = ReplyEncoder.encode(request, kind.statusReply(), List.of());
        counters.countReply();
        ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), request.sender()));
    }
}
