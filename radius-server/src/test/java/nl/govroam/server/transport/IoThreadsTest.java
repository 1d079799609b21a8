package nl.govroam.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IoThreadsTest {
    @Test
    void withOneCpuTheHandshakeRunsOnTheCallingThread() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            IoThreads.handshakeWork(1, workers).execute(() -> ranOn.set(Thread.currentThread()));
            assertEquals(Thread.currentThread(), ranOn.get());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void withMoreCpusTheHandshakeGoesToTheWorkers() {
        ExecutorService workers = Executors.newSingleThreadExecutor();
        try {
            assertSame(workers, IoThreads.handshakeWork(2, workers));
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void theServersHandshakeWorkRunsOnAHandshakeThreadOrWithOneCpuInline() throws Exception {
        try (IoThreads threads = IoThreads.start()) {
            java.util.concurrent.CompletableFuture<Thread> ranOn = new java.util.concurrent.CompletableFuture<>();
            threads.handshakeWork().execute(() -> ranOn.complete(Thread.currentThread()));
            Thread thread = ranOn.get(5, TimeUnit.SECONDS);
            if (Runtime.getRuntime().availableProcessors() > 1) {
                assertTrue(thread.getName().startsWith("eap-handshake-"), thread.getName());
                assertTrue(!thread.isVirtual() && thread.isDaemon(), "a platform daemon thread: " + thread);
            } else {
                assertEquals(Thread.currentThread(), thread);
            }
        }
    }

    @Test
    void aSocketBoundToAnIpv4AddressIsAnIpv4SocketAndStillReceives() throws Exception {
        try (IoThreads threads = IoThreads.start()) {
            checkSocketFamilies(threads.group());
        }
    }

    /** The same with NIO, the transport where native epoll is not available. */
    @Test
    void theSameOnNio() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            checkSocketFamilies(nio);
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void checkSocketFamilies(EventLoopGroup group) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/udp6")), "needs Linux's /proc/net/udp6");
        BlockingQueue<String> received = new ArrayBlockingQueue<>(4);
        Channel v4 = bindReceiver(group, "127.0.0.1", received);
        Channel any = bindReceiver(group, "::", received);
        int v4Port = ((InetSocketAddress) v4.localAddress()).getPort();
        int anyPort = ((InetSocketAddress) any.localAddress()).getPort();
        // the kernel's own tables: an IPv4 socket is in /proc/net/udp, a dual-stack one in /proc/net/udp6
        assertTrue(listed("/proc/net/udp", v4Port), "127.0.0.1 not an IPv4 socket");
        assertTrue(!listed("/proc/net/udp6", v4Port), "127.0.0.1 bound on an IPv6 socket");
        assertTrue(listed("/proc/net/udp6", anyPort), ":: not a dual-stack IPv6 socket");
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            for (int port : new int[] {v4Port, anyPort}) {
                byte[] hello = ("hello " + port).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                client.send(new java.net.DatagramPacket(hello, hello.length,
                        InetAddress.getByName("127.0.0.1"), port));
                String got = received.poll(5, TimeUnit.SECONDS);
                assertNotNull(got, "nothing arrived on port " + port);
                assertEquals("hello " + port, got);
            }
        }
        v4.close().sync();
        any.close().sync();
    }

    private static Channel bindReceiver(EventLoopGroup group, String address, BlockingQueue<String> received)
            throws InterruptedException {
        InetSocketAddress local = new InetSocketAddress(address, 0);
        return new Bootstrap().group(group)
                .channelFactory(IoThreads.datagramChannel(group, local.getAddress()))
                .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                        received.add(packet.content().toString(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                })
                .bind(local).sync().channel();
    }

    /** Whether a socket with this local port is in one of the kernel's /proc/net tables. */
    private static boolean listed(String table, int port) throws java.io.IOException {
        String hexPort = String.format(":%04X ", port);
        return Files.readAllLines(Path.of(table)).stream().skip(1)
                .anyMatch(line -> line.trim().split("\\s+")[1].endsWith(hexPort.trim()));
    }
}
