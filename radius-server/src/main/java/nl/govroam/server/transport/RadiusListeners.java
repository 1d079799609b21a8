package nl.govroam.server.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.channel.socket.DatagramChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.ServerConfig;
import nl.govroam.server.service.ServiceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two UDP listeners (authentication and accounting) on the server's {@link IoThreads}, each with the pipeline
 * client lookup, decode, authenticity, Status-Server, duplicates, dispatch.
 */
public final class RadiusListeners implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RadiusListeners.class);
    /** Larger than the largest valid packet, so an oversize datagram is seen whole and dropped, not truncated. */
    private static final int RECEIVE_BUFFER = RadiusPacket.MAX_LENGTH * 2;
    /** Replies written before a flush is forced; below that they go out together when the read burst ends. */
    private static final int REPLIES_PER_FLUSH = 64;
    private static final int DUPLICATE_CACHE_MAX = 200_000;

    private final Semaphore inFlight;
    private final int inFlightLimit;
    private final io.netty.util.concurrent.ScheduledFuture<?> eviction;
    private final Channel authChannel;
    private final Channel accountingChannel;
    private final DuplicateCache duplicates;
    private final TransportCounters counters;

    private RadiusListeners(Semaphore inFlight, int inFlightLimit, io.netty.util.concurrent.ScheduledFuture<?> eviction,
                            DuplicateCache duplicates, TransportCounters counters,
                            Channel authChannel, Channel accountingChannel) {
        this.inFlight = inFlight;
        this.inFlightLimit = inFlightLimit;
        this.eviction = eviction;
        this.duplicates = duplicates;
        this.counters = counters;
        this.authChannel = authChannel;
        this.accountingChannel = accountingChannel;
    }

    /**
     * Binds both listeners.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws io.netty.channel.ChannelException (or another runtime exception) when an address cannot be bound
     */
    public static RadiusListeners start(ServerConfig server, Supplier<ServiceSnapshot> snapshots,
                                        RequestProcessor authProcessor, RequestProcessor accountingProcessor,
                                        TransportCounters counters, IoThreads io) throws InterruptedException {
        EventLoopGroup group = io.group();
        ExecutorService workers = io.workers();
        Semaphore inFlight = new Semaphore(server.inFlightLimit());
        DuplicateCache duplicates = new DuplicateCache(server.duplicateWindow().toNanos(), DUPLICATE_CACHE_MAX);
        RateLimitedLog dropLog = new RateLimitedLog(LoggerFactory.getLogger("govroam.drops"), 10_000);
        Channel auth = null;
        try {
            auth = bind(group, server.address().getHostAddress(), server.authPort(),
                    pipeline(ListenerKind.AUTH, snapshots, authProcessor, io.handshakeWork(), inFlight, duplicates,
                            counters, dropLog));
            Channel accounting = bind(group, server.address().getHostAddress(), server.accountingPort(),
                    pipeline(ListenerKind.ACCOUNTING, snapshots, accountingProcessor, workers, inFlight, duplicates,
                            counters, dropLog));
            io.netty.util.concurrent.ScheduledFuture<?> eviction = group.next().scheduleAtFixedRate(
                    () -> duplicates.evictExpired(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
            LOG.info("listening on {} (auth) and {} (accounting), transport {}", auth.localAddress(),
                    accounting.localAddress(), io.epoll() ? "epoll" : "nio");
            return new RadiusListeners(inFlight, server.inFlightLimit(), eviction, duplicates, counters, auth,
                    accounting);
        } catch (InterruptedException | RuntimeException e) {
            if (auth != null) {
                auth.close().syncUninterruptibly();
            }
            throw e;
        }
    }

    private static ChannelInitializer<DatagramChannel> pipeline(
            ListenerKind kind, Supplier<ServiceSnapshot> snapshots, RequestProcessor processor, Executor workers,
            Semaphore inFlight, DuplicateCache duplicates, TransportCounters counters, RateLimitedLog dropLog) {
        ClientLookupHandler lookup = new ClientLookupHandler(snapshots, counters, dropLog);
        RadiusPacketDecoder decoder = new RadiusPacketDecoder(kind, counters, dropLog);
        RequestAuthenticityFilter authenticity = new RequestAuthenticityFilter(counters, dropLog);
        StatusServerHandler status = new StatusServerHandler(kind, counters);
        DuplicateRequestFilter duplicateFilter = new DuplicateRequestFilter(duplicates, counters);
        RequestDispatcher dispatcher = new RequestDispatcher(processor, workers, inFlight, duplicates, counters, dropLog);
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(DatagramChannel ch) {
                ChannelPipeline p = ch.pipeline();
                // replies decided while a burst of datagrams is read go out together (sendmmsg on epoll)
                p.addLast(HandlerNames.FLUSH_CONSOLIDATION, new FlushConsolidationHandler(REPLIES_PER_FLUSH, true));
                p.addLast(HandlerNames.CLIENT_LOOKUP, lookup);
                p.addLast(HandlerNames.PACKET_DECODER, decoder);
                p.addLast(HandlerNames.AUTHENTICITY, authenticity);
                p.addLast(HandlerNames.STATUS_SERVER, status);
                p.addLast(HandlerNames.DUPLICATES, duplicateFilter);
                p.addLast(HandlerNames.DISPATCHER, dispatcher);
            }
        };
    }

    private static Channel bind(EventLoopGroup group, String address, int port,
                                ChannelInitializer<DatagramChannel> initializer) throws InterruptedException {
        InetSocketAddress local = new InetSocketAddress(address, port);
        Bootstrap b = new Bootstrap()
                .group(group)
                .channelFactory(IoThreads.datagramChannel(group, local.getAddress()))
                .option(ChannelOption.SO_RCVBUF, 4 * 1024 * 1024)
                .handler(initializer);
        // each datagram may take RECEIVE_BUFFER octets, so an oversize one is still seen whole
        IoThreads.batchDatagramReads(b, group, RECEIVE_BUFFER);
        return b.bind(local).sync().channel();
    }

    public InetSocketAddress authAddress() {
        return (InetSocketAddress) authChannel.localAddress();
    }

    public InetSocketAddress accountingAddress() {
        return (InetSocketAddress) accountingChannel.localAddress();
    }

    /**
     * Stops taking requests, waits up to {@code grace} for those in flight (and for rejects held back by the reject
     * delay: they are answers too), then closes the channels. The threads are the caller's.
     */
    public void close(java.time.Duration grace) {
        authChannel.config().setAutoRead(false);
        accountingChannel.config().setAutoRead(false);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while ((inFlight.availablePermits() < inFlightLimit || counters.heldReplies() > 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        eviction.cancel(false);
        authChannel.close().syncUninterruptibly();
        accountingChannel.close().syncUninterruptibly();
        duplicates.evictExpired(Long.MAX_VALUE);
    }

    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(5));
    }
}
