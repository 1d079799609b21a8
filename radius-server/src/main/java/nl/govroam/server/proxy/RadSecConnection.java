package nl.govroam.server.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.PeerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mutual-TLS connection to a RadSec peer (RFC 6614) with its own 256 Identifiers, framed by each packet's Length
 * field (RFC 6613 2.4). No retransmits over TCP: a request fails after the response window. The RFC 3539 watchdog:
 * when nothing has been read for the check interval, a Status-Server goes out; unanswered within the response window,
 * the connection is stale and is closed (radsecproxy#61, #148), so the next request opens a fresh one.
 */
final class RadSecConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RadSecConnection.class);
    static final int IDENTIFIERS = 256;

    private final PeerConfig config;
    private final byte[] secret;
    private final PendingRequests pending = new PendingRequests();
    private final AtomicInteger reserved = new AtomicInteger();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Channel channel;
    private boolean watchdogOutstanding;

    private RadSecConnection(PeerConfig config) {
        this.config = config;
        this.secret = config.secret().bytes();
    }

    /** Starts connecting; requests may be reserved and sent at once, they go out after the handshake. */
    static RadSecConnection open(EventLoopGroup group, PeerConfig config, SslContext tls) {
        RadSecConnection c = new RadSecConnection(config);
        c.connect(group, tls);
        return c;
    }

    /** Connecting, or connected and open. */
    boolean usable() {
        if (!ready.isDone()) {
            return true;
        }
        return !ready.isCompletedExceptionally() && channel.isActive();
    }

    int load() {
        return reserved.get();
    }

    /** Takes one of the 256 Identifiers for a request about to be sent; false when all are taken. */
    boolean tryReserve() {
        if (reserved.incrementAndGet() <= IDENTIFIERS) {
            return true;
        }
        reserved.decrementAndGet();
        return false;
    }

    /** Sends a request reserved with {@link #tryReserve}; the reservation ends when its future completes. */
    void send(PacketCode code, RequestEncoder encoder, CompletableFuture<PeerAnswer> future) {
        future.whenComplete((answer, failure) -> reserved.decrementAndGet());
        if (ready.isDone() && !ready.isCompletedExceptionally() && channel.eventLoop().inEventLoop()) {
            write(code, encoder, future);
            return;
        }
        ready.whenComplete((ok, failure) -> {
            if (failure != null) {
                future.completeExceptionally(new PeerTimeoutException("TLS connection failed: "
                        + RadSecPeerTransport.rootMessage(failure)));
            } else {
                channel.eventLoop().execute(() -> write(code, encoder, future));
            }
        });
    }

    /** On the channel's loop; a request given up before the handshake finished is not sent at all. */
    private void write(PacketCode code, RequestEncoder encoder, CompletableFuture<PeerAnswer> future) {
        if (future.isDone()) {
            return;
        }
        PendingRequests.Encoded encoded = pending.encode(encoder, future,
                IDENTIFIERS + " requests outstanding on the connection");
        if (encoded == null) {
            return;
        }
        int id = encoded.id();
        byte[] wire = encoded.wire();
        PendingRequests.Pending p = new PendingRequests.Pending(code, UdpPeerSocket.sentAuthenticator(wire), wire,
                future, 0);
        pending.put(id, p);
        channel.writeAndFlush(Unpooled.wrappedBuffer(wire));
        p.timer = channel.eventLoop().schedule(() -> {
            if (pending.get(id) == p) {
                pending.remove(id, p);
                future.completeExceptionally(new PeerTimeoutException("no answer within the response window"));
            }
        }, config.responseWindow().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** RFC 3539 3.4: a Status-Server (RFC 5997) on an idle connection; no answer means the connection is stale. */
    private void watchdog() {
        if (watchdogOutstanding || !tryReserve()) {
            return;
        }
        watchdogOutstanding = true;
        CompletableFuture<PeerAnswer> answer = new CompletableFuture<>();
        answer.whenComplete((ok, failure) -> reserved.decrementAndGet());
        write(PacketCode.STATUS_SERVER, (id, authenticator) -> PacketEncoder.encodeRequest(PacketCode.STATUS_SERVER, id,
                authenticator, List.<RadiusAttribute>of(), secret, true), answer);
        answer.whenComplete((ok, failure) -> channel.eventLoop().execute(() -> {
            watchdogOutstanding = false;
            if (failure != null) {
                LOG.warn("RadSec peer {}: watchdog Status-Server unanswered ({}); closing the stale connection",
                        config.name(), failure.getMessage());
                channel.close();
            }
        }));
    }

    private void connect(EventLoopGroup group, SslContext tls) {
        String peerName = config.tls().orElseThrow().peerNames().get(0);
        long idleNanos = config.checkInterval().toNanos();
        new Bootstrap().group(group).channel(nl.govroam.server.transport.IoThreads.socketChannel(group))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(config.responseWindow().toMillis(), 10_000))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channel = ch;
                        SslHandler ssl = tls.newHandler(ch.alloc(), peerName, config.port());
                        ch.pipeline().addLast("tls", ssl);
                        ch.pipeline().addLast("framing", new LengthFieldBasedFrameDecoder(RadiusPacket.MAX_LENGTH, 2, 2, -4, 0));
                        ch.pipeline().addLast("watchdog-timer", new IdleStateHandler(idleNanos, 0, 0, TimeUnit.NANOSECONDS));
                        ch.pipeline().addLast("replies", new Replies());
                        ssl.handshakeFuture().addListener(done -> {
                            if (done.isSuccess()) {
                                ready.complete(null);
                            } else {
                                ready.completeExceptionally(done.cause());
                                ch.close();
                            }
                        });
                    }
                })
                .connect(config.address(), config.port())
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        ready.completeExceptionally(connected.cause());
                    }
                });
    }

    void close() {
        Channel c = channel;
        if (c != null) {
            c.close();
        }
    }

    private final class Replies extends SimpleChannelInboundHandler<ByteBuf> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            pending.complete(ByteBufUtil.getBytes(frame), secret, false);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && ready.isDone() && !ready.isCompletedExceptionally()) {
                watchdog();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ready.completeExceptionally(new PeerTimeoutException("connection closed"));
            pending.failAll("connection closed");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("RadSec peer {}: {}", config.name(), RadSecPeerTransport.rootMessage(cause));
            ctx.close();
        }
    }
}
