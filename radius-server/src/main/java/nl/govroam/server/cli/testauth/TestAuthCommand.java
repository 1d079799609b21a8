package nl.govroam.server.cli.testauth;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.UserPasswordCipher;

/**
 * {@code govroam test-auth --server HOST:PORT --secret S --user U --password P [--method pap|ttls-pap]
 * [--timeout 3s]}: like radtest (PAP, one Access-Request with Message-Authenticator) or rad_eap_test (EAP-TTLS/PAP,
 * see {@link TtlsPapRun}). Exit 0 on Access-Accept, 1 on Access-Reject (or an EAP conversation we had to end), 2 on
 * timeout or a usage error, so monitoring can poll a test account. Secrets can come from a file
 * ({@code --secret-file}, {@code --password-file}) to keep them out of the process list.
 */
public final class TestAuthCommand {
    public static final int ACCEPT = 0;
    public static final int REJECT = 1;
    public static final int TIMEOUT_OR_USAGE = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestAuthCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        TestAuthOptions options;
        try {
            options = TestAuthOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            usage(err);
            return TIMEOUT_OR_USAGE;
        }
        try {
            return options.method().equals("ttls-pap") ? TtlsPapRun.run(options, out, err) : pap(options, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return TIMEOUT_OR_USAGE;
        } catch (IOException e) {
            err.println("could not send to " + options.server() + ": " + e.getMessage());
            return TIMEOUT_OR_USAGE;
        }
    }

    private static int pap(TestAuthOptions options, PrintStream out) throws IOException {
        byte[] secret = options.value("--secret").getBytes(StandardCharsets.UTF_8);
        char[] password = options.value("--password").toCharArray();
        Duration timeout = options.timeout("3s");
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        List<RadiusAttribute> attributes = new ArrayList<>();
        attributes.add(RadiusAttribute.ofString(AttributeType.USER_NAME, options.user()));
        attributes.add(new RadiusAttribute(AttributeType.USER_PASSWORD,
                UserPasswordCipher.hide(password, authenticator, secret)));
        Arrays.fill(password, '\0');
        attributes.add(RadiusAttribute.ofString(AttributeType.NAS_IDENTIFIER, "govroam-test-auth"));
        attributes.add(RadiusAttribute.ofString(AttributeType.CALLING_STATION_ID, options.callingStationId()));
        byte[] request = PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, RANDOM.nextInt(256), authenticator,
                attributes, secret, true);
        long start = System.nanoTime();
        Optional<RadiusPacket> reply = RadiusTestClient.exchange(options.address(), request, secret, timeout);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (reply.isEmpty()) {
            out.println("no reply from " + options.server() + " within " + timeout.toMillis() + " ms");
            return TIMEOUT_OR_USAGE;
        }
        RadiusPacket packet = reply.get();
        out.println(name(packet.code()) + " from " + options.server() + " in " + millis + " ms");
        printReplyDetails(packet, out);
        return exitCode(packet.code());
    }

    static void printReplyDetails(RadiusPacket packet, PrintStream out) {
        packet.string(AttributeType.REPLY_MESSAGE).ifPresent(m -> out.println("  Reply-Message: " + m));
        packet.string(AttributeType.TUNNEL_PRIVATE_GROUP_ID).ifPresent(v -> out.println("  VLAN: "
                + (v.length() > 1 && v.charAt(0) < 0x20 ? v.substring(1) : v)));
        packet.string(AttributeType.USER_NAME).ifPresent(v -> out.println("  User-Name: " + v));
    }

    static int exitCode(PacketCode code) {
        return switch (code) {
            case ACCESS_ACCEPT -> ACCEPT;
            case ACCESS_REJECT -> REJECT;
            default -> TIMEOUT_OR_USAGE;
        };
    }

    static String name(PacketCode code) {
        return switch (code) {
            case ACCESS_ACCEPT -> "Access-Accept";
            case ACCESS_REJECT -> "Access-Reject";
            case ACCESS_CHALLENGE -> "Access-Challenge (unexpected for PAP)";
            default -> code.toString();
        };
    }

    public static void usage(PrintStream out) {
        out.println("usage: govroam test-auth --server HOST:PORT (--secret S | --secret-file F) --user USER@REALM "
                + "(--password P | --password-file F) [--method pap|ttls-pap] [--timeout 3s (pap), 10s (ttls-pap)] "
                + "[--calling-station-id MAC]");
        out.println("       ttls-pap: (--ca FILE [--server-name NAME] | --insecure) [--anonymous-identity ANON@REALM] "
                + "[--tls-version 1.2|1.3|any]");
    }
}
