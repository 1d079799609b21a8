package nl.govroam.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * EAP-TTLS/PAP full handshakes at a fixed number of conversations in flight, all from one thread: each conversation
 * is a {@link TtlsPapClient} state machine; one non-blocking loop sends each next Access-Request as soon as the
 * Access-Challenge before it arrives. A handshake ends with Access-Accept or Access-Reject; one unanswered round trip
 * (timeout) abandons it. Latency is that of the whole handshake. With {@code --abandon-after N} every conversation
 * is dropped after N round trips: the unfinished-session flood of the memory scenario.
 */
final class EapLoad {
    private final RadiusWire wire;
    private final UserList users;
    private final byte[] outer;
    private final int outstanding;
    private final long timeoutNanos;
    private final int abandonAfter;
    private final boolean tls13;
    private final SplittableRandom pick = new SplittableRandom();

    private final ServerSockets sockets;
    private final Conversation[][] bySlot;
    private final byte[] out = new byte[4096];
    private int nextId;
    /** Round trips of the handshakes that ended (accepted or rejected) in the last phase, and how many ended. */
    private long endedRoundTrips;
    private long ended;
    /** What the server chose in the handshakes that ended in the last phase (cipher suite / group). */
    private final Set<String> negotiated = new TreeSet<>();

    private static final class Conversation {
        TtlsPapClient client;
        long started;
        long sentAt;
        byte[] state;
        byte[] authenticator = new byte[16];
    }

    EapLoad(InetSocketAddress server, byte[] secret, UserList users, String outerIdentity, int outstanding,
            long timeoutNanos, int abandonAfter, boolean tls13) throws IOException {
        this.wire = new RadiusWire(secret, System.nanoTime());
        this.users = users;
        this.outer = outerIdentity.getBytes(StandardCharsets.UTF_8);
        this.outstanding = outstanding;
        this.timeoutNanos = timeoutNanos;
        this.abandonAfter = abandonAfter;
        this.tls13 = tls13;
        sockets = new ServerSockets(server, outstanding);
        bySlot = new Conversation[sockets.count()][256];
    }

    static void main(Args a) throws Exception {
        InetSocketAddress server = BenchMain.address(a.string("server", "127.0.0.1:1812"));
        byte[] secret = a.string("secret", "bench-secret").getBytes(StandardCharsets.UTF_8);
        String usersFile = a.string("users", null);
        UserList users = usersFile != null ? UserList.read(Path.of(usersFile))
                : UserList.single(a.string("user", "bench@bench.example"), a.string("password", "bench-password"));
        int outstanding = (int) a.number("outstanding", 64);
        long count = a.number("count", 1000);
        Duration duration = a.duration("duration", Duration.ofSeconds(30));
        long warmup = a.number("warmup", 0);
        Duration timeout = a.duration("timeout", Duration.ofSeconds(3));
        String anonymous = a.string("anonymous-identity", null);
        int abandonAfter = (int) a.number("abandon-after", 0);
        boolean tls13 = Boolean.parseBoolean(a.string("tls13", "false"));
        int threads = (int) a.number("threads", 1);
        Map<String, Long> pids = BenchMain.pids(a.string("pids", ""));
        String tags = a.string("tags", "");
        a.rejectUnused();
        if (anonymous == null) {
            String first = new String(users.names()[0], StandardCharsets.UTF_8);
            anonymous = "anonymous" + first.substring(Math.max(0, first.indexOf('@')));
        }
        // several threads when the client's TLS work would otherwise limit the rate; each runs its share
        EapLoad[] loads = new EapLoad[threads];
        for (int t = 0; t < threads; t++) {
            loads[t] = new EapLoad(server, secret, users, anonymous, Math.max(1, outstanding / threads),
                    timeout.toNanos(), abandonAfter, tls13);
        }
        runAll(loads, warmup / threads, duration.toNanos());
        UnverifyingCrypto.groupsChosen(true);
        Map<String, Long> before = BenchMain.cpu(pids);
        LoadGenerator.Stats stats = runAll(loads, Math.max(1, count / threads), duration.toNanos());
        Map<String, Long> after = BenchMain.cpu(pids);
        System.out.println(BenchMain.resultLine(tags, outstanding, stats, before, after)
                + pids.entrySet().stream().map(e -> " rss_kib." + e.getKey() + "=" + ProcCpu.rssKib(e.getValue()))
                .reduce("", String::concat)
                + onTheWire(loads));
    }

    /**
     * The mean RADIUS round trips per ended handshake, the cipher suites and key-exchange groups the server chose:
     * the same work for every server, shown so it can be seen.
     */
    private static String onTheWire(EapLoad[] loads) {
        long trips = 0;
        long handshakes = 0;
        Set<String> chosen = new TreeSet<>();
        for (EapLoad load : loads) {
            trips += load.endedRoundTrips;
            handshakes += load.ended;
            chosen.addAll(load.negotiated);
        }
        return handshakes == 0 ? "" : String.format(Locale.ROOT, " round_trips=%.2f tls=%s group=%s",
                (double) trips / handshakes, String.join("+", chosen),
                String.join("+", UnverifyingCrypto.groupsChosen(false)));
    }

    private static LoadGenerator.Stats runAll(EapLoad[] loads, long count, long durationNanos) throws Exception {
        if (count <= 0) {
            return null;
        }
        LoadGenerator.Stats[] results = new LoadGenerator.Stats[loads.length];
        Thread[] threads = new Thread[loads.length];
        Exception[] failure = new Exception[1];
        for (int t = 0; t < loads.length; t++) {
            int i = t;
            threads[t] = Thread.ofPlatform().name("eap-load-" + t).start(() -> {
                try {
                    results[i] = loads[i].phase(count, durationNanos);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        long sent = 0, acc = 0, rej = 0, oth = 0, to = 0, st = 0, bad = 0, elapsed = 0;
        List<long[]> lat = new ArrayList<>();
        for (LoadGenerator.Stats r : results) {
            sent += r.sent();
            acc += r.accepts();
            rej += r.rejects();
            oth += r.others();
            to += r.timeouts();
            st += r.stale();
            bad += r.bad();
            elapsed = Math.max(elapsed, r.elapsedNanos());
            lat.add(r.sortedLatencies());
        }
        long[] all = lat.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new LoadGenerator.Stats(sent, acc, rej, oth, to, st, bad, elapsed, all);
    }

    /** The counts of one phase; takes the replies and answers each Access-Challenge with the next request. */
    private final class Phase extends PhaseCounts {
        int live;

        Phase(long count) {
            super(count, 10_000_000L);
        }

        @Override
        public void packet(int s, byte[] in, int length) {
            int id = in[1] & 0xFF;
            Conversation c = bySlot[s][id];
            if (c == null) {
                stale++;
                return;
            }
            if (!wire.replyAuthentic(in, length, c.authenticator, 0)) {
                bad++;
                return;
            }
            bySlot[s][id] = null;
            int code = in[0] & 0xFF;
            boolean finished = true;
            if (code == RadiusWire.ACCESS_ACCEPT || code == RadiusWire.ACCESS_REJECT) {
                answered(code);
                ended(c);
                latencies.record(System.nanoTime() - c.started);
            } else if (code == RadiusWire.ACCESS_CHALLENGE) {
                if (abandonAfter > 0 && c.client.roundTrips() >= abandonAfter) {
                    others++;
                } else {
                    try {
                        c.state = attribute(in, length, RadiusWire.STATE);
                        byte[] eap = eapMessage(in, length);
                        finished = !send(c, c.client.onRequest(eap));
                        if (finished) {
                            bad++;
                        }
                    } catch (IOException | RuntimeException e) {
                        if (bad++ == 0) {
                            System.err.println("eap: first failed conversation: " + e);
                        }
                    }
                }
            } else {
                others++;
            }
            if (finished) {
                live--;
            }
        }
    }

    LoadGenerator.Stats phase(long count, long durationNanos) throws IOException {
        long start = System.nanoTime();
        long deadline = start + durationNanos;
        long begun = 0;
        endedRoundTrips = 0;
        ended = 0;
        negotiated.clear();
        sockets.takeBad();
        Phase p = new Phase(count);
        long lastScan = start;
        while (true) {
            long now = System.nanoTime();
            boolean starting = begun < count && now < deadline;
            if (!starting && p.live == 0) {
                break;
            }
            if (!starting && now > deadline + timeoutNanos + 1_000_000_000L) {
                break;
            }
            while (starting && p.live < outstanding && begun < count) {
                int u = pick.nextInt(users.size());
                Conversation c = new Conversation();
                c.client = new TtlsPapClient(outer, users.names()[u], users.passwords()[u], tls13);
                c.started = System.nanoTime();
                if (!send(c, c.client.start())) {
                    break;
                }
                begun++;
                p.live++;
            }
            sockets.receive(1, p);
            now = System.nanoTime();
            if (now - lastScan > 10_000_000L) {
                lastScan = now;
                for (Conversation[] slots : bySlot) {
                    for (int id = 0; id < 256; id++) {
                        Conversation c = slots[id];
                        if (c != null && now - c.sentAt > timeoutNanos) {
                            slots[id] = null;
                            p.live--;
                            p.timeouts++;
                        }
                    }
                }
            }
        }
        for (Conversation[] slots : bySlot) {
            for (int id = 0; id < 256; id++) {
                if (slots[id] != null) {
                    slots[id] = null;
                    p.timeouts++;
                }
            }
        }
        return p.stats(begun, sockets.takeBad(), System.nanoTime() - start);
    }

    /** Counts a handshake that ended (accepted or rejected): its round trips and what its server chose. */
    private void ended(Conversation c) {
        endedRoundTrips += c.client.roundTrips();
        ended++;
        negotiated.add(c.client.negotiated());
    }

    /** Sends the conversation's next Access-Request on a free identifier; false when none is free right now. */
    private boolean send(Conversation c, byte[] eap) throws IOException {
        for (int tries = 0; tries < bySlot.length * 256; tries++) {
            int s = nextId / 256 % bySlot.length;
            int id = nextId & 255;
            nextId++;
            if (bySlot[s][id] != null) {
                continue;
            }
            int pos = wire.header(out, RadiusWire.ACCESS_REQUEST, id);
            pos = wire.messageAuthenticatorPlaceholder(out, pos);
            pos = wire.attribute(out, pos, RadiusWire.USER_NAME, outer, 0, outer.length);
            for (int off = 0; off < eap.length; off += 253) {
                int len = Math.min(253, eap.length - off);
                pos = wire.attribute(out, pos, RadiusWire.EAP_MESSAGE, eap, off, len);
            }
            if (c.state != null) {
                pos = wire.attribute(out, pos, RadiusWire.STATE, c.state, 0, c.state.length);
            }
            pos = wire.nasAttributes(out, pos);
            int length = wire.finishRequest(out, pos, true);
            System.arraycopy(out, 4, c.authenticator, 0, 16);
            c.sentAt = System.nanoTime();
            bySlot[s][id] = c;
            if (sockets.send(s, out, length)) {
                return true;
            }
            bySlot[s][id] = null;
            return false;
        }
        return false;
    }

    private static byte[] attribute(byte[] p, int length, int type) {
        int off = RadiusWire.find(p, length, type);
        return off < 0 ? null : Arrays.copyOfRange(p, off, off + (p[off - 1] & 0xFF) - 2);
    }

    private static byte[] eapMessage(byte[] p, int length) throws IOException {
        ByteArrayOutputStream eap = new ByteArrayOutputStream();
        int pos = 20;
        while (pos + 1 < length) {
            int len = p[pos + 1] & 0xFF;
            if (len < 2) {
                break;
            }
            if ((p[pos] & 0xFF) == RadiusWire.EAP_MESSAGE) {
                eap.write(p, pos + 2, len - 2);
            }
            pos += len;
        }
        if (eap.size() == 0) {
            throw new IOException("Access-Challenge without EAP-Message");
        }
        return eap.toByteArray();
    }
}
