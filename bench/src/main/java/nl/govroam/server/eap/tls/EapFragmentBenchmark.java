package nl.govroam.server.eap.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * EAP-TLS/TTLS/PEAP fragmentation (RFC 5216 2.1.5) as the server does it with the defaults of {@code EapConfig}
 * (1000-octet fragments, a 64 KiB reassembly cap):
 * <ul>
 *   <li>{@code reassemble}: a client TLS flight of {@code clientFlight} octets arriving as the type data of
 *       1000-octet fragments (L and M on the first, M on all but the last), each parsed ({@link TlsFrame#parse})
 *       and added to the {@link Reassembly}, as {@code TlsTunnel.receive} does per EAP-Response, up to the whole
 *       message;</li>
 *   <li>{@code fragment}: a server flight of {@code serverFlight} octets (a certificate chain) cut by
 *       {@link Fragments} into the type data of every EAP-Request.</li>
 * </ul>
 * One operation is one whole message. In the package of the classes it measures ({@code Reassembly} and
 * {@code Fragments} are package-private); the bench jar only reads them. Run with {@code -prof gc} (bench/jmh does).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EapFragmentBenchmark {
    /** EapConfig.DEFAULT_FRAGMENT_SIZE and DEFAULT_MAX_MESSAGE_SIZE. */
    static final int FRAGMENT_SIZE = 1000;
    static final int MAX_MESSAGE_SIZE = 64 * 1024;

    /** The incoming side: a client flight already cut into the type data of its EAP-Responses. */
    @State(Scope.Thread)
    public static class Incoming {
        @Param({"4096", "16384"})
        public int clientFlight;

        byte[][] typeData;
        Reassembly reassembly;

        @Setup
        public void setUp() {
            byte[] message = tlsBytes(clientFlight, 1);
            List<byte[]> out = new ArrayList<>();
            for (int sent = 0; sent < message.length; sent += FRAGMENT_SIZE) {
                int count = Math.min(FRAGMENT_SIZE, message.length - sent);
                int flags = sent + count < message.length ? TlsFrame.MORE_FRAGMENTS : 0;
                out.add(TlsFrame.encode(flags, sent == 0 ? message.length : -1, message, sent, count));
            }
            typeData = out.toArray(byte[][]::new);
            // one per tunnel in the server; it starts over after each complete message
            reassembly = new Reassembly(MAX_MESSAGE_SIZE);
            byte[] joined = joinAll(this);
            if (!java.util.Arrays.equals(joined, message)) {
                throw new IllegalStateException("reassembly does not give back the flight");
            }
        }
    }

    /** The outgoing side: a server flight to send. */
    @State(Scope.Thread)
    public static class Outgoing {
        @Param({"8192"})
        public int serverFlight;

        byte[] message;

        @Setup
        public void setUp() {
            message = tlsBytes(serverFlight, 2);
            int requests = 0;
            Fragments fragments = new Fragments(message, FRAGMENT_SIZE, 0);
            while (fragments.hasMore()) {
                fragments.next();
                requests++;
            }
            if (requests != (serverFlight + FRAGMENT_SIZE - 1) / FRAGMENT_SIZE) {
                throw new IllegalStateException("unexpected number of fragments: " + requests);
            }
        }
    }

    @Benchmark
    public byte[] reassemble(Incoming in) {
        return joinAll(in);
    }

    @Benchmark
    public void fragment(Outgoing out, Blackhole bh) {
        Fragments fragments = new Fragments(out.message, FRAGMENT_SIZE, 0);
        while (fragments.hasMore()) {
            bh.consume(fragments.next());
        }
    }

    static byte[] joinAll(Incoming in) {
        for (byte[] typeData : in.typeData) {
            TlsFrame frame = TlsFrame.parse(typeData).orElseThrow();
            switch (in.reassembly.add(frame)) {
                case Reassembly.NeedMore more -> { }
                case Reassembly.Complete complete -> {
                    return complete.message();
                }
                case Reassembly.Refused refused -> throw new IllegalStateException(refused.reason());
            }
        }
        throw new IllegalStateException("the last fragment did not complete the message");
    }

    /** Stand-in TLS bytes: the content does not matter to the framing, only the length. */
    static byte[] tlsBytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
