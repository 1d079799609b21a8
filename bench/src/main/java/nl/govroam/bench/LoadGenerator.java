package nl.govroam.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.SplittableRandom;

/**
 * PAP load at a fixed number of outstanding Access-Requests, from one thread: as soon as a reply arrives (or a request
 * times out) the next request is sent. Bounded by a count and a duration, whichever ends first; requests still out at
 * the end are waited for up to the timeout. Identifiers are spread over several sockets ({@link ServerSockets}), so
 * 256 outstanding never wait for a free identifier. No retransmits: a request
 * unanswered within the timeout is counted as a timeout, and a late reply to it is counted as stale.
 */
final class LoadGenerator {
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
    private final ServerSockets sockets;
    /** Per socket and identifier: when it was sent (0 = free) and its Request Authenticator. */
    private final long[][] sentAt;
    private final byte[][] authenticators;
    /** Per socket, a FIFO ring of free identifiers: a freed one is reused as late as possible. */
    private final int[][] freeIds;
    private final int[] freeHead;
    private final int[] freeCount;
    private final byte[] out = new byte[4096];
    private final SplittableRandom pick;
    private int nextChannel;

    LoadGenerator(Options options) throws IOException {
        this.options = options;
        this.wire = new RadiusWire(options.secret(), options.seed());
        this.pick = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        this.sockets = new ServerSockets(options.server(), options.outstanding());
        int count = sockets.count();
        this.sentAt = new long[count][256];
        this.authenticators = new byte[count][256 * 16];
        this.freeIds = new int[count][256];
        this.freeHead = new int[count];
        this.freeCount = new int[count];
        for (int s = 0; s < count; s++) {
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

    /** The counts of one phase; takes the replies. */
    private final class Phase extends PhaseCounts {
        long sent;
        int inFlight;

        Phase(long count) {
            super(count, 20_000_000L);
        }

        @Override
        public void packet(int s, byte[] in, int length) {
            long t = System.nanoTime();
            int id = in[1] & 0xFF;
            if (sentAt[s][id] == 0) {
                stale++;
                return;
            }
            if (!wire.replyAuthentic(in, length, authenticators[s], id * 16)) {
                bad++;
                return;
            }
            latencies.record(t - sentAt[s][id]);
            free(s, id);
            answered(in[0] & 0xFF);
        }

        void free(int s, int id) {
            sentAt[s][id] = 0;
            releaseId(s, id);
            inFlight--;
        }
    }

    Stats phase(long count, long durationNanos) throws IOException {
        long start = System.nanoTime();
        long deadline = start + durationNanos;
        sockets.takeBad();
        Phase p = new Phase(count);
        long lastTimeoutScan = start;
        while (true) {
            long now = System.nanoTime();
            boolean sending = p.sent < count && now < deadline;
            if (!sending && p.inFlight == 0) {
                break;
            }
            if (!sending && now > deadline + options.timeoutNanos() + 1_000_000_000L) {
                break;
            }
            while (sending && p.inFlight < options.outstanding() && p.sent < count) {
                int s = channelWithFreeId();
                int id = takeId(s);
                int u = pick.nextInt(options.users().size());
                int length = wire.papRequest(out, id, options.users().names()[u], options.users().passwords()[u]);
                System.arraycopy(out, 4, authenticators[s], id * 16, 16);
                sentAt[s][id] = System.nanoTime();
                if (!sockets.send(s, out, length)) {
                    // socket buffer full: give the identifier back and wait for replies
                    sentAt[s][id] = 0;
                    releaseId(s, id);
                    break;
                }
                p.sent++;
                p.inFlight++;
            }
            sockets.receive(p.inFlight >= options.outstanding() || !sending ? 1 : 0, p);
            now = System.nanoTime();
            if (now - lastTimeoutScan > 5_000_000L) {
                lastTimeoutScan = now;
                for (int s = 0; s < sentAt.length; s++) {
                    for (int id = 0; id < 256; id++) {
                        long t = sentAt[s][id];
                        if (t != 0 && now - t > options.timeoutNanos()) {
                            p.free(s, id);
                            p.timeouts++;
                        }
                    }
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        // anything still out after the grace period is a timeout; free it for the next phase
        for (int s = 0; s < sentAt.length; s++) {
            for (int id = 0; id < 256; id++) {
                if (sentAt[s][id] != 0) {
                    p.free(s, id);
                    p.timeouts++;
                }
            }
        }
        return p.stats(p.sent, sockets.takeBad(), elapsed);
    }

    private int channelWithFreeId() {
        for (int i = 0; i < freeCount.length; i++) {
            int s = (nextChannel + i) % freeCount.length;
            // each socket keeps its identifiers within IDS_PER_SOCKET in flight
            if (256 - freeCount[s] < ServerSockets.IDS_PER_SOCKET) {
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
        sockets.close();
    }
}
