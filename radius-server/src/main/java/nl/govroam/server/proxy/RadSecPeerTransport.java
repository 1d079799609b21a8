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
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.PeerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RadSec (RFC 6614) to one peer: one mutual-TLS connection, opened on first use and again after it closes (a failed
 * connect fails the request, so the pool fails over and the peer's health counts it; freeradius-server#2284), framed by
 * each packet's Length field (RFC 6613 2.4). No retransmits over TCP: a request fails after the response window.
 */
final class RadSecPeerTransport implements PeerTransport {
    private static final Logger LOG = LoggerFactory.getLogger(RadSecPeerTransport.class);

    private final EventLoopGroup group;
    private final PeerConfig config;
    private final SslContext tls;
    private final byte[] secret;
    private CompletableFuture<Connection> connection;

    /** One TLS connection and its outstanding requests (touched only on its event loop). */
    private record Connection(Channel channel, PendingRequests pending) {
    }

    RadSecPeerTransport(EventLoopGroup group, PeerConfig config) {
        this.group = group;
        this.config = config;
        this.tls = TlsContexts.client(config.tls().orElseThrow());
        this.secret = config.secret().bytes();
    }

    @Override
    public CompletableFuture<PeerAnswer> send(PacketCode code, RequestEncoder encoder, boolean retransmit) {
        CompletableFuture<PeerAnswer> future = new CompletableFuture<>();
        connection().whenComplete((c, failure) -> {
            if (failure != null) {
                future.completeExceptionally(new PeerTimeoutException("TLS connection failed: " + rootMessage(failure)));
                return;
            }
            c.channel().eventLoop().execute(() -> write(c, code, encoder, future));
        });
        return future;
    }

    private void write(Connection c, PacketCode code, RequestEncoder encoder, CompletableFuture<PeerAnswer> future) {
        int id = c.pending().allocate();
        if (id < 0) {
            future.completeExceptionally(new PeerTimeoutException("256 requests outstanding on the connection"));
            return;
        }
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        byte[] wire = encoder.encode(id, authenticator);
        PendingRequests.Pending p = new PendingRequests.Pending(code, authenticator, wire, future, 0);
        c.pending().put(id, p);
        c.channel().writeAndFlush(Unpooled.wrappedBuffer(wire));
        p.timer = c.channel().eventLoop().schedule(() -> {
            if (c.pending().get(id) == p) {
                c.pending().remove(id, p);
                future.completeExceptionally(new PeerTimeoutException("no answer within the response window"));
            }
        }, config.responseWindow().toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized CompletableFuture<Connection> connection() {
        if (connection != null && (!connection.isDone() || !connection.isCompletedExceptionally()
                && connection.join().channel().isActive())) {
            return connection;
        }
        CompletableFuture<Connection> opening = new CompletableFuture<>();
        connection = opening;
        PendingRequests pending = new PendingRequests();
        String peerName = config.tls().orElseThrow().peerNames().get(0);
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(config.responseWindow().toMillis(), 10_000))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = tls.newHandler(ch.alloc(), peerName, config.port());
                        ch.pipeline().addLast("tls", ssl);
                        ch.pipeline().addLast("framing", new LengthFieldBasedFrameDecoder(RadiusPacket.MAX_LENGTH, 2, 2, -4, 0));
                        ch.pipeline().addLast("replies", new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                                pending.complete(ByteBufUtil.getBytes(frame), secret, false);
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                pending.failAll("connection closed");
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                LOG.warn("RadSec peer {}: {}", config.name(), rootMessage(cause));
                                ctx.close();
                            }
                        });
                        ssl.handshakeFuture().addListener(done -> {
                            if (done.isSuccess()) {
                                opening.complete(new Connection(ch, pending));
                            } else {
                                opening.completeExceptionally(done.cause());
                                ch.close();
                            }
                        });
                    }
                })
                .connect(config.address(), config.port())
                .addListener(connected -> {
                    if (!connected.isSuccess()) {
                        opening.completeExceptionally(connected.cause());
                    }
                });
        return opening;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.thenAccept(c -> c.channel().close());
        }
    }
}
