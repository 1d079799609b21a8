package nl.govroam.server.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server's threads: one I/O event loop for the RADIUS listeners, the directories' LDAP connections and the
 * federation's peer sockets, so a request, its directory round trips and its reply stay on one thread with no
 * hand-off (nothing on it blocks); virtual-thread workers for what blocks (disk writes); and, where there is more than
 * one CPU, one platform thread per CPU for the arithmetic of EAP's TLS handshakes ({@link #handshakeWork}).
 * They outlive reloads: a reload rebinds listeners on the same threads.
 */
public final class IoThreads implements AutoCloseable {
    /** Datagrams read by one recvmmsg call (epoll). */
    private static final int DATAGRAMS_PER_READ = 16;
    private final EventLoopGroup group;
    private final ExecutorService workers;
    /** Null where the JVM has one CPU: the handshakes' arithmetic then runs on the event loop. */
    private final ExecutorService handshakes;
    private final Executor handshakeWork;

    private IoThreads(EventLoopGroup group, ExecutorService workers, int cpus) {
        this.group = group;
        this.workers = workers;
        this.handshakes = cpus > 1 ? Executors.newFixedThreadPool(cpus,
                Thread.ofPlatform().name("eap-handshake-", 0).daemon().factory()) : null;
        this.handshakeWork = handshakeWork(cpus, handshakes);
    }

    /**
     * One event loop (native epoll where available), a virtual thread per blocking task and, with more than one CPU,
     * the handshake threads.
     */
    public static IoThreads start() {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                Thread.ofPlatform().name("radius-io-", 0).factory(),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ExecutorService workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("radius-worker-", 0).factory());
        return new IoThreads(group, workers, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Makes the datagram channels that register with {@code group} (epoll or NIO) for a socket bound to
     * {@code bindAddress}: an IPv4 socket for an IPv4 address, so its datagrams take the kernel's IPv4 path only (a
     * dual-stack IPv6 socket passes each one through the IPv6 layer too); the default, dual-stack where the system has
     * IPv6, for any other address, so {@code ::} still takes both.
     */
    public static ChannelFactory<DatagramChannel> datagramChannel(EventLoopGroup group, InetAddress bindAddress) {
        boolean epoll = isEpoll(group);
        if (bindAddress instanceof Inet4Address) {
            return epoll ? () -> new EpollDatagramChannel(SocketProtocolFamily.INET)
                    : () -> new NioDatagramChannel(SocketProtocolFamily.INET);
        }
        return epoll ? EpollDatagramChannel::new : NioDatagramChannel::new;
    }

    /** The TCP channel class that registers with {@code group} (epoll or NIO). */
    public static Class<? extends SocketChannel> socketChannel(EventLoopGroup group) {
        return isEpoll(group) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /**
     * On epoll, lets one read take up to 16 datagrams of at most {@code maxDatagram} octets each (recvmmsg), so a
     * busy socket costs fewer system calls; on NIO, one datagram of at most {@code maxDatagram} per read.
     */
    public static void batchDatagramReads(Bootstrap bootstrap, EventLoopGroup group, int maxDatagram) {
        if (isEpoll(group)) {
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, maxDatagram)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(maxDatagram * DATAGRAMS_PER_READ));
        } else {
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(maxDatagram));
        }
    }

    private static boolean isEpoll(EventLoopGroup group) {
        return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class);
    }

    /** Whether the event loop is native epoll (channels must then be the epoll kind). */
    public boolean epoll() {
        return isEpoll(group);
    }

    public EventLoopGroup group() {
        return group;
    }

    public ExecutorService workers() {
        return workers;
    }

    /**
     * Where an EAP round's TLS handshake arithmetic (the server's key exchange and signature) runs: where the JVM has
     * more than one CPU, on a handshake thread, so the event loop answers the cheap rounds meanwhile; on the event loop
     * itself where it has one (a one-vCPU VM), because there a hand-off buys no parallelism and costs two thread
     * switches per handshake. Platform threads, one per CPU, not virtual ones: the work never blocks, and on 2 shared
     * cores the virtual threads' scheduler cost 8% more CPU per handshake at 16 outstanding
     * (bench/results/2026-11-26-kex-off-loop.md).
     */
    public Executor handshakeWork() {
        return handshakeWork;
    }

    static Executor handshakeWork(int cpus, Executor handshakeThreads) {
        return cpus > 1 ? handshakeThreads : Runnable::run;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        if (handshakes != null) {
            handshakes.shutdownNow();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
