package nl.govroam.server.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.transport.IoThreads;

/**
 * One UDP socket to a peer with its own 256 Identifiers. Requests are retransmitted identically (same Identifier,
 * same authenticator, same octets) on the {@link RetransmitSchedule} of RFC 5080 2.2.1, and failed when the response
 * window ends. Replies are accepted only from the peer's address and port, and only when they verify. Nothing here
 * waits on an event loop: opened on one, the socket binds in the background and requests go out once it is bound;
 * sent from the socket's own loop, a request is written at once, without a task hop.
 */
final class UdpPeerSocket {
    private final Channel channel;
    private final ChannelFuture bound;
    private final InetSocketAddress peer;
    private final byte[] secret;
    private final RetransmitSchedule schedule;
    private final boolean requireMessageAuthenticator;
    private final PendingRequests pending = new PendingRequests();

    /**
     * Binds a local port.
     *
     * @param waitForBind wait for the bind and throw when it fails; never on an event loop. Otherwise the socket binds
     *                    in the background and a failed bind fails each request
     */
    UdpPeerSocket(EventLoopGroup group, InetSocketAddress peer, byte[] secret, long windowNanos, int retries,
                  boolean requireMessageAuthenticator, boolean waitForBind) throws InterruptedException {
        this.requireMessageAuthenticator = requireMessageAuthenticator;
        this.peer = peer;
        this.secret = secret;
        this.schedule = new RetransmitSchedule(windowNanos, retries);
        SimpleChannelInboundHandler<DatagramPacket> replies = new SimpleChannelInboundHandler<>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket datagram) {
                if (datagram.sender().equals(UdpPeerSocket.this.peer)) {
                    pending.complete(ByteBufUtil.getBytes(datagram.content()), UdpPeerSocket.this.secret,
                            UdpPeerSocket.this.requireMessageAuthenticator);
                }
            }
        };
        InetSocketAddress local = new InetSocketAddress(
                peer.getAddress() instanceof Inet6Address ? "::" : "0.0.0.0", 0);
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channelFactory(IoThreads.datagramChannel(group, local.getAddress()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // requests forwarded in one turn of the event loop leave together (sendmmsg on epoll)
                        ch.pipeline().addLast(new FlushConsolidationHandler(64, true), replies);
                    }
                });
        IoThreads.batchDatagramReads(bootstrap, group, RadiusPacket.MAX_LENGTH * 2);
        this.bound = bootstrap.bind(local);
        this.channel = bound.channel();
        if (waitForBind) {
            bound.sync();
        }
    }

    /** How many requests are outstanding (read from any thread: an estimate for picking the least busy socket). */
    int load() {
        return pending.size();
    }

    CompletableFuture<PeerAnswer> send(PacketCode code, RequestEncoder encoder, boolean retransmit) {
        CompletableFuture<PeerAnswer> future = new CompletableFuture<>();
        if (bound.isSuccess() && channel.eventLoop().inEventLoop()) {
            transmit(code, encoder, retransmit, future);
        } else if (bound.isSuccess()) {
            channel.eventLoop().execute(() -> transmit(code, encoder, retransmit, future));
        } else {
            bound.addListener(done -> {
                if (done.isSuccess()) {
                    transmit(code, encoder, retransmit, future);
                } else {
                    future.completeExceptionally(new PeerTimeoutException("socket not bound: " + done.cause()));
                }
            });
        }
        return future;
    }

    /** On the channel's loop: takes an Identifier, encodes, sends and arms the retransmit timer. */
    private void transmit(PacketCode code, RequestEncoder encoder, boolean retransmit,
                          CompletableFuture<PeerAnswer> future) {
        if (future.isDone()) {
            return;
        }
        PendingRequests.Encoded encoded = pending.encode(encoder, future, "256 requests outstanding on one socket");
        if (encoded == null) {
            return;
        }
        int id = encoded.id();
        byte[] wire = encoded.wire();
        List<Long> retransmits = retransmit ? schedule.retransmitTimes(ThreadLocalRandom.current()::nextDouble)
                : List.of();
        PendingRequests.Pending p = new PendingRequests.Pending(code, sentAuthenticator(wire), wire, future,
                retransmits.size());
        pending.put(id, p);
        write(wire);
        next(id, p, retransmits, 0, 0);
    }

    /** Waits for the next retransmission time, or for the end of the window after the last one. */
    private void next(int id, PendingRequests.Pending p, List<Long> retransmits, int index, long nowNanos) {
        boolean last = index >= retransmits.size();
        long at = last ? schedule.windowNanos() : retransmits.get(index);
        p.timer = channel.eventLoop().schedule(() -> {
            if (pending.get(id) != p) {
                return;
            }
            if (last) {
                pending.remove(id, p);
                p.future.completeExceptionally(new PeerTimeoutException("no answer within the response window"));
            } else {
                p.retransmitsLeft--;
                write(p.wire);
                next(id, p, retransmits, index + 1, at);
            }
        }, at - nowNanos, TimeUnit.NANOSECONDS);
    }

    private void write(byte[] wire) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(wire), peer));
    }

    /**
     * Fails what is outstanding and closes the socket, without waiting (it may run on an event loop). Once the group
     * is shut down there is nothing left to do: its channels closed with it.
     */
    void close() {
        try {
            channel.eventLoop().execute(() -> pending.failAll("closed"));
        } catch (RejectedExecutionException e) {
            return;
        }
        channel.close();
    }

    /** The authenticator as sent: the random one, or an Accounting-Request's MD5 (RFC 2866 3) the reply is signed with. */
    static byte[] sentAuthenticator(byte[] wire) {
        return Arrays.copyOfRange(wire, 4, 20);
    }
}
