package nl.govroam.server.proxy.radsec;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.RadSecListenerConfig;
import nl.govroam.server.service.ServiceSnapshot;
import nl.govroam.server.transport.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The inbound RadSec listener (RFC 6614): TCP with mutual TLS (1.2+), RFC 6613 framing. */
public final class RadSecListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RadSecListener.class);

    private final EventLoopGroup group;
    private final ExecutorService workers;
    private final Channel channel;

    private RadSecListener(EventLoopGroup group, ExecutorService workers, Channel channel) {
        this.group = group;
        this.workers = workers;
        this.channel = channel;
    }

    public static RadSecListener start(RadSecListenerConfig config, Supplier<ServiceSnapshot> snapshots,
                                       RequestProcessor processor, RequestProcessor accountingProcessor)
            throws InterruptedException {
        RadSecClientMatcher matcher = new RadSecClientMatcher(config.clients());
        SslContext tls;
        try {
            tls = SslContextBuilder.forServer(config.certificate().toFile(), config.key().toFile())
                    .trustManager(matcher.allCas().toArray(new X509Certificate[0]))
                    .clientAuth(ClientAuth.REQUIRE)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("RadSec listener TLS files cannot be used: " + e.getMessage(), e);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        InFlightLimit inFlight = new InFlightLimit(snapshots.get().config().server().inFlightLimit());
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("radsec-worker-", 0).factory());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                            ch.pipeline().addLast("framing",
                                    new LengthFieldBasedFrameDecoder(RadiusPacket.MAX_LENGTH, 2, 2, -4, 0));
                            ch.pipeline().addLast("requests", new RadSecConnectionHandler(matcher, snapshots, processor,
                                    accountingProcessor, workers, inFlight));
                        }
                    })
                    .bind(new InetSocketAddress(config.address(), config.port())).sync().channel();
            LOG.info("RadSec listening on {}", channel.localAddress());
            return new RadSecListener(group, workers, channel);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownNow();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        workers.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
