package nl.govroam.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * PAP load at a fixed number of outstanding Access-Requests, from one thread: as soon as a reply arrives (or a request
 * times out) the next request is sent. Bounded by a count and a duration, whichever ends first; requests still out at
 * the end are waited for up to the timeout. Identifiers are spread over several sockets (at most
 * {@link #IDS_PER_SOCKET} per socket), so 256 outstanding never wait for a free identifier. No retransmits: a request
 * unanswered within the timeout is counted as a timeout, and a late reply to it is counted as stale.
 */
final class LoadGenerator {
    static final int IDS_PER_SOCKET = 128;

    record Options(InetSocketAddress server, byte[] secret, UserList users, int outstanding, long count,
                   long durationNanos, long warmup, long timeoutNanos, boolean messageAuthenticator, long seed) {
    }

    record Stats(long sent, long accepts, long rejects, long others, long timeouts, long stale, long bad,
                 long elapsedNanos, long[] sortedLatencies) {
        double perSecond() {
            return (accepts + rejects + others) / (elapsedNanos / 1e9);
        }
    }

    private final Options options;
    private final RadiusWire wire;
    private final DatagramChannel[] channels;
    private final Selector selector;
    /** Per socket and identifier: when it was sent (0 = free) and its Request Authenticator. */
    private final long[][] sentAt;
    private final byte[][] authenticators;
    /** Per socket, a FIFO ring of free identifiers: a freed one is reused as late as possible. */
    private final int[][] freeIds;
    private final int[] freeHead;
    private final int[] freeCount;
    private final byte[] out = new byte[4096];
    private final byte[] in = new byte[4096];
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(4096);
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(4096);
    private final java.util.SplittableRandom pick;
    private int nextChannel;

    LoadGenerator(Options options) throws IOException {
        this.options = options;
        this.wire = new RadiusWire(options.secret(), options.seed());
        this.pick = new java.util.SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        int sockets = Math.max(1, (options.outstanding() + IDS_PER_SOCKET - 1) / IDS_PER_SOCKET);
        this.channels = new DatagramChannel[sockets];
        this.sentAt = new long[sockets][256];
        this.authenticators = new byte[sockets][256 * 16];
        this.freeIds = new int[sockets][256];
        this.freeHead = new int[sockets];
        this.freeCount = new int[sockets];
        this.selector = Selector.open();
        for (int s = 0; s < sockets; s++) {
            DatagramChannel ch = RadiusWire.udpSocketFor(options.server().getAddress());
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
            ch.bind(new InetSocketAddress(options.server().getAddress(), 0));
            ch.connect(options.server());
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, s);
            channels[s] = ch;
            for (int id = 0; id < 256; id++) {
                freeIds[s][id] = id;
            }
            freeCount[s] = 256;
        }
    }

    /** Runs the warm-up (not counted), then the measured run. */
    Stats run() throws IOException {
        if (options.warmup() > 0) {
            phase(options.warmup(), options.durationNanos());
        }
        return phase(options.count(), options.durationNanos());
    }

    Stats phase(long count, long durationNanos) throws IOException {
        long start = System.nanoTime();
        long deadline = start + durationNanos;
        long sent = 0;
        long accepts = 0;
        long rejects = 0;
        long others = 0;
        long timeouts = 0;
        long stale = 0;
        long bad = 0;
        long unreachable = 0;
        int inFlight = 0;
        long lastTimeoutScan = start;
        LatencyRecorder latencies = new LatencyRecorder((int) Math.min(count, 20_000_000L));
        while (true) {
            long now = System.nanoTime();
            boolean sending = sent < count && now < deadline;
            if (!sending && inFlight == 0) {
                break;
            }
            if (!sending && now > deadline + options.timeoutNanos() + 1_000_000_000L) {
                break;
            }
            while (sending && inFlight < options.outstanding() && sent < count) {
                int s = channelWithFreeId();
                int id = takeId(s);
                int u = pick.nextInt(options.users().size());
                int length = wire.papRequest(out, id, options.users().names()[u], options.users().passwords()[u]);
                System.arraycopy(out, 4, authenticators[s], id * 16, 16);
                sendBuffer.clear();
                sendBuffer.put(out, 0, length).flip();
                long t = System.nanoTime();
                sentAt[s][id] = t;
                int written;
                try {
                    written = channels[s].write(sendBuffer);
                } catch (java.net.PortUnreachableException e) {
                    written = -1;
                    unreachable++;
                }
                if (written <= 0) {
                    // socket buffer full: give the identifier back and wait for replies
                    sentAt[s][id] = 0;
                    releaseId(s, id);
                    break;
                }
                sent++;
                inFlight++;
            }
            int ready = inFlight >= options.outstanding() || !sending ? selector.select(1) : selector.selectNow();
            if (ready > 0) {
                for (SelectionKey key : selector.selectedKeys()) {
                    int s = (Integer) key.attachment();
                    while (true) {
                        receiveBuffer.clear();
                        int n;
                        try {
                            n = channels[s].read(receiveBuffer);
                        } catch (java.net.PortUnreachableException e) {
                            // ICMP port unreachable: nobody listens (yet); the requests time out
                            unreachable++;
                            continue;
                        }
                        if (n <= 0) {
                            break;
                        }
                        long t = System.nanoTime();
                        receiveBuffer.flip();
                        receiveBuffer.get(in, 0, n);
                        int length = n >= 20 ? ((in[2] & 0xFF) << 8) | (in[3] & 0xFF) : 0;
                        if (length < 20 || length > n) {
                            bad++;
                            continue;
                        }
                        int id = in[1] & 0xFF;
                        if (sentAt[s][id] == 0) {
                            stale++;
                            continue;
                        }
                        if (!wire.replyAuthentic(in, length, authenticators[s], id * 16)) {
                            bad++;
                            continue;
                        }
                        latencies.record(t - sentAt[s][id]);
                        sentAt[s][id] = 0;
                        releaseId(s, id);
                        inFlight--;
                        switch (in[0] & 0xFF) {
                            case RadiusWire.ACCESS_ACCEPT -> accepts++;
                            case RadiusWire.ACCESS_REJECT -> rejects++;
                            default -> others++;
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
            now = System.nanoTime();
            if (now - lastTimeoutScan > 5_000_000L) {
                lastTimeoutScan = now;
                for (int s = 0; s < channels.length; s++) {
                    for (int id = 0; id < 256; id++) {
                        long t = sentAt[s][id];
                        if (t != 0 && now - t > options.timeoutNanos()) {
                            sentAt[s][id] = 0;
                            releaseId(s, id);
                            inFlight--;
                            timeouts++;
                        }
                    }
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        // anything still out after the grace period is a timeout; free it for the next phase
        for (int s = 0; s < channels.length; s++) {
            for (int id = 0; id < 256; id++) {
                if (sentAt[s][id] != 0) {
                    sentAt[s][id] = 0;
                    releaseId(s, id);
                    timeouts++;
                }
            }
        }
        return new Stats(sent, accepts, rejects, others, timeouts, stale, bad + unreachable, elapsed, latencies.sorted());
    }

    private int channelWithFreeId() {
        for (int i = 0; i < channels.length; i++) {
            int s = (nextChannel + i) % channels.length;
            // each socket keeps its identifiers within IDS_PER_SOCKET in flight
            if (256 - freeCount[s] < IDS_PER_SOCKET) {
                nextChannel = s + 1;
                return s;
            }
        }
        throw new IllegalStateException("no free identifier with fewer than outstanding in flight");
    }

    private int takeId(int s) {
        int id = freeIds[s][freeHead[s]];
        freeHead[s] = (freeHead[s] + 1) & 255;
        freeCount[s]--;
        return id;
    }

    private void releaseId(int s, int id) {
        freeIds[s][(freeHead[s] + freeCount[s]) & 255] = id;
        freeCount[s]++;
    }

    void close() throws IOException {
        selector.close();
        for (DatagramChannel ch : channels) {
            ch.close();
        }
    }
}
