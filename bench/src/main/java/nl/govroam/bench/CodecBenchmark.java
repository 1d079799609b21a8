package nl.govroam.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.codec.Authenticators;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.MessageAuthenticatorCheck;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.UserPasswordCipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request codec work of the server on a PAP Access-Request as the load generator sends it: decode,
 * Message-Authenticator check, User-Password reveal, and encoding the Access-Accept with Message-Authenticator first.
 * Run with {@code -prof gc} for the allocation per operation (bench/jmh does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    private static final byte[] SECRET = "bench-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    private byte[] request;
    private RadiusPacket decoded;
    private byte[] hiddenPassword;
    private List<RadiusAttribute> replyAttributes;

    @Setup
    public void setUp() {
        RadiusWire wire = new RadiusWire(SECRET, 1);
        byte[] out = new byte[4096];
        int length = wire.papRequest(out, 7, RadiusWire.utf8("u00042@bench.example"), RadiusWire.utf8("pw-0123456789ab"));
        request = java.util.Arrays.copyOf(out, length);
        decoded = ((DecodeResult.Decoded) PacketDecoder.decode(request)).packet();
        hiddenPassword = decoded.first(2).orElseThrow().value();
        replyAttributes = List.of(RadiusAttribute.ofString(1, "u00042@bench.example"),
                RadiusAttribute.ofTaggedInt(64, 0, 13), RadiusAttribute.ofTaggedInt(65, 0, 6),
                RadiusAttribute.ofString(81, "120"));
    }

    @Benchmark
    public DecodeResult decode() {
        return PacketDecoder.decode(request);
    }

    @Benchmark
    public MessageAuthenticatorCheck checkMessageAuthenticator() {
        return Authenticators.checkRequest(request, SECRET);
    }

    @Benchmark
    public char[] revealPassword() {
        char[] p = UserPasswordCipher.reveal(hiddenPassword, decoded.authenticator(), SECRET).orElseThrow();
        java.util.Arrays.fill(p, '\0');
        return p;
    }

    @Benchmark
    public byte[] encodeAccept() {
        return PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, decoded.identifier(), decoded.authenticator(),
                replyAttributes, SECRET, true);
    }

    /** Everything the server's codec does for one PAP request, end to end. */
    @Benchmark
    public byte[] decodeCheckRevealEncode() {
        RadiusPacket p = ((DecodeResult.Decoded) PacketDecoder.decode(request)).packet();
        if (Authenticators.checkRequest(request, SECRET) != MessageAuthenticatorCheck.VALID) {
            throw new IllegalStateException("M-A");
        }
        char[] password = UserPasswordCipher.reveal(p.first(2).orElseThrow().value(), p.authenticator(), SECRET)
                .orElseThrow();
        java.util.Arrays.fill(password, '\0');
        return PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, p.identifier(), p.authenticator(),
                replyAttributes, SECRET, true);
    }
}
