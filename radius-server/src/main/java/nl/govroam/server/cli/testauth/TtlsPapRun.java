package nl.govroam.server.cli.testauth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import nl.govroam.server.certs.CertificateFiles;
import nl.govroam.server.codec.MicrosoftAttributes;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import org.bouncycastle.tls.ProtocolVersion;

/**
 * {@code test-auth --method ttls-pap}: sets up the tunnel (certificate check, TLS versions, inner PAP AVPs), runs
 * the {@link TtlsPapConversation} and reports it like rad_eap_test: the answer, TLS version, rounds, and whether
 * the MS-MPPE keys of an Accept match the MSK this client derived itself.
 */
final class TtlsPapRun {
    private TtlsPapRun() {
    }

    static int run(TestAuthOptions options, PrintStream out, PrintStream err) throws IOException {
        ServerCertificateCheck check = certificateCheck(options);
        if (!check.verifies()) {
            err.println("warning: --insecure: the server certificate is not checked; the password goes to whoever answers");
        }
        byte[] secret = options.value("--secret").getBytes(StandardCharsets.UTF_8);
        char[] password = options.value("--password").toCharArray();
        byte[] avps = InnerPap.avps(options.user(), password);
        Arrays.fill(password, '\0');
        TunnelTlsClient tls = new TunnelTlsClient(check, versions(options.get("--tls-version").orElse("any")));
        TtlsTunnelClient tunnel = new TtlsTunnelClient(tls, avps);
        Arrays.fill(avps, (byte) 0);
        long start = System.nanoTime();
        TtlsPapConversation.Outcome outcome = new TtlsPapConversation(options.address(), secret,
                options.outerIdentity(), options.callingStationId(), tunnel).run(options.timeout("10s"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String where = options.server();
        return switch (outcome) {
            case TtlsPapConversation.NoReply n -> {
                out.println("no reply from " + where + " within " + options.timeout("10s").toMillis() + " ms (after "
                        + n.rounds() + " rounds)");
                yield TestAuthCommand.TIMEOUT_OR_USAGE;
            }
            case TtlsPapConversation.Failed f -> {
                out.println("EAP-TTLS/PAP failed: " + f.why());
                yield TestAuthCommand.REJECT;
            }
            case TtlsPapConversation.Answered a -> answered(a, tls, secret, where, millis, out);
        };
    }

    private static int answered(TtlsPapConversation.Answered a, TunnelTlsClient tls, byte[] secret, String where,
                                long millis, PrintStream out) {
        RadiusPacket reply = a.reply();
        String version = tls.tlsVersion() == null ? "handshake not completed" : tls.tlsVersion();
        out.println(TestAuthCommand.name(reply.code()) + " from " + where + " in " + millis + " ms (EAP-TTLS/PAP, "
                + version + ", " + a.rounds() + " rounds)");
        TestAuthCommand.printReplyDetails(reply, out);
        int code = TestAuthCommand.exitCode(reply.code());
        if (code == TestAuthCommand.ACCEPT) {
            out.println("  MPPE keys: " + (mppeKeysMatch(reply, a.requestAuthenticator(), secret, tls.msk())
                    ? "match the TLS keys" : "MISSING or do NOT match the TLS keys"));
        }
        return code;
    }

    /** RFC 5216 2.3 / RFC 2548: Recv-Key = MSK[0..31], Send-Key = MSK[32..63], as the access point gets them. */
    static boolean mppeKeysMatch(RadiusPacket reply, byte[] requestAuthenticator, byte[] secret, byte[] msk) {
        if (msk == null) {
            return false;
        }
        Optional<byte[]> recv = key(reply, MicrosoftAttributes.MS_MPPE_RECV_KEY, requestAuthenticator, secret);
        Optional<byte[]> send = key(reply, MicrosoftAttributes.MS_MPPE_SEND_KEY, requestAuthenticator, secret);
        boolean match = recv.isPresent() && send.isPresent()
                && MessageDigest.isEqual(recv.get(), Arrays.copyOfRange(msk, 0, 32))
                && MessageDigest.isEqual(send.get(), Arrays.copyOfRange(msk, 32, 64));
        Arrays.fill(msk, (byte) 0);
        return match;
    }

    private static Optional<byte[]> key(RadiusPacket reply, int vendorType, byte[] authenticator, byte[] secret) {
        for (RadiusAttribute attribute : reply.attributes()) {
            byte[] value = MicrosoftAttributes.microsoftValue(attribute, vendorType);
            if (value != null) {
                try {
                    return Optional.of(MicrosoftAttributes.decryptKey(value, authenticator, secret));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static ServerCertificateCheck certificateCheck(TestAuthOptions options) {
        Optional<String> ca = options.get("--ca");
        if (ca.isEmpty()) {
            return ServerCertificateCheck.insecure();
        }
        try {
            return ServerCertificateCheck.trusting(CertificateFiles.readCertificates(Path.of(ca.get())),
                    options.get("--server-name").orElse(null));
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca " + ca.get() + ": " + e.getMessage());
        }
    }

    private static ProtocolVersion[] versions(String tls) {
        return switch (tls) {
            case "1.2" -> new ProtocolVersion[] {ProtocolVersion.TLSv12};
            case "1.3" -> new ProtocolVersion[] {ProtocolVersion.TLSv13};
            default -> ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);
        };
    }
}
