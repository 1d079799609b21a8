package nl.govroam.server.transport;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.Optional;
import java.util.function.Supplier;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.service.ServiceSnapshot;

/**
 * First in the pipeline: takes the config snapshot for this request, finds the client by source address, and copies
 * the datagram out of Netty's buffer (which is released here). Unknown sources are dropped and counted.
 */
@ChannelHandler.Sharable
final class ClientLookupHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final Supplier<ServiceSnapshot> snapshots;
    private final TransportCounters counters;
    private final RateLimitedLog dropLog;

    ClientLookupHandler(Supplier<ServiceSnapshot> snapshots, TransportCounters counters, RateLimitedLog dropLog) {
        this.snapshots = snapshots;
        this.counters = counters;
        this.dropLog = dropLog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
        long now = System.nanoTime();
        counters.countReceived();
        ServiceSnapshot snapshot = snapshots.get();
        Optional<ClientConfig> client = snapshot.clients().find(datagram.sender().getAddress());
        if (client.isEmpty()) {
            counters.countDrop(DropReason.UNKNOWN_CLIENT);
            dropLog.warn("unknown-client",
                    "dropped datagram from " + datagram.sender().getAddress().getHostAddress()
                            + ": " + DropReason.UNKNOWN_CLIENT.description());
            return;
        }
        byte[] data = ByteBufUtil.getBytes(datagram.content());
        ctx.fireChannelRead(new ClientDatagram(snapshot, client.get(), data, datagram.sender(), datagram.recipient(), now));
    }
}
