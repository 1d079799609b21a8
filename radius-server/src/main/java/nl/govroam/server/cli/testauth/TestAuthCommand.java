package nl.govroam.server.cli.testauth;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.UserPasswordCipher;

/**
 * {@code govroam test-auth --server HOST:PORT --secret S --user U --password P [--method pap] [--timeout 3s]}: one
 * Access-Request with Message-Authenticator, like radtest. Exit 0 on Access-Accept, 1 on Access-Reject, 2 on
 * timeout or a usage error, so monitoring can poll a test account. Secrets can come from a file
 * ({@code --secret-file}, {@code --password-file}) to keep them out of the process list.
 */
public final class TestAuthCommand {
    public static final int ACCEPT = 0;
    public static final int REJECT = 1;
    public static final int TIMEOUT_OR_USAGE = 2;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> WITH_VALUES = List.of("--server", "--secret", "--secret-file", "--user",
            "--password", "--password-file", "--method", "--timeout", "--calling-station-id");

    private TestAuthCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            usage(err);
            return TIMEOUT_OR_USAGE;
        }
        String method = options.getOrDefault("--method", "pap");
        if (!method.equals("pap")) {
            err.println("method '" + method + "' is not supported yet; use --method pap");
            return TIMEOUT_OR_USAGE;
        }
        try {
            InetSocketAddress server = address(options.get("--server"));
            byte[] secret = value(options, "--secret").getBytes(StandardCharsets.UTF_8);
            char[] password = value(options, "--password").toCharArray();
            Duration timeout = duration(options.getOrDefault("--timeout", "3s"));
            byte[] authenticator = PacketEncoder.randomAuthenticator();
            List<RadiusAttribute> attributes = new ArrayList<>();
            attributes.add(RadiusAttribute.ofString(AttributeType.USER_NAME, options.get("--user")));
            attributes.add(new RadiusAttribute(AttributeType.USER_PASSWORD,
                    UserPasswordCipher.hide(password, authenticator, secret)));
            Arrays.fill(password, '\0');
            attributes.add(RadiusAttribute.ofString(AttributeType.NAS_IDENTIFIER, "govroam-test-auth"));
            attributes.add(RadiusAttribute.ofString(AttributeType.CALLING_STATION_ID,
                    options.getOrDefault("--calling-station-id", "02-00-00-00-00-01")));
            byte[] request = PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, RANDOM.nextInt(256), authenticator,
                    attributes, secret, true);
            long start = System.nanoTime();
            Optional<RadiusPacket> reply = RadiusTestClient.exchange(server, request, secret, timeout);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (reply.isEmpty()) {
                out.println("no reply from " + options.get("--server") + " within " + timeout.toMillis() + " ms");
                return TIMEOUT_OR_USAGE;
            }
            RadiusPacket packet = reply.get();
            out.println(name(packet.code()) + " from " + options.get("--server") + " in " + millis + " ms");
            packet.string(AttributeType.REPLY_MESSAGE).ifPresent(m -> out.println("  Reply-Message: " + m));
            packet.string(AttributeType.TUNNEL_PRIVATE_GROUP_ID).ifPresent(v -> out.println("  VLAN: "
                    + (v.length() > 1 && v.charAt(0) < 0x20 ? v.substring(1) : v)));
            return switch (packet.code()) {
                case ACCESS_ACCEPT -> ACCEPT;
                case ACCESS_REJECT -> REJECT;
                default -> TIMEOUT_OR_USAGE;
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return TIMEOUT_OR_USAGE;
        } catch (IOException e) {
            err.println("could not send to " + options.get("--server") + ": " + e.getMessage());
            return TIMEOUT_OR_USAGE;
        }
    }

    private static String name(PacketCode code) {
        return switch (code) {
            case ACCESS_ACCEPT -> "Access-Accept";
            case ACCESS_REJECT -> "Access-Reject";
            case ACCESS_CHALLENGE -> "Access-Challenge (unexpected for PAP)";
            default -> code.toString();
        };
    }

    private static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!WITH_VALUES.contains(a) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            options.put(a, args.get(++i));
        }
        for (String required : List.of("--server", "--user")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        if (!options.containsKey("--secret") && !options.containsKey("--secret-file")) {
            throw new IllegalArgumentException("missing --secret or --secret-file");
        }
        if (!options.containsKey("--password") && !options.containsKey("--password-file")) {
            throw new IllegalArgumentException("missing --password or --password-file");
        }
        return options;
    }

    /** The value of {@code --name}, or the first line of the file given as {@code --name-file}. */
    private static String value(Map<String, String> options, String name) {
        if (options.containsKey(name)) {
            return options.get(name);
        }
        Path file = Path.of(options.get(name + "-file"));
        try {
            return Files.readString(file).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "1812" : hostPort.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("--server " + hostPort + ": write HOST:PORT, e.g. 127.0.0.1:1812");
        }
        return new InetSocketAddress(host, Integer.parseInt(port));
    }

    private static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s)").matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--timeout " + text + ": write e.g. 3s or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }

    public static void usage(PrintStream out) {
        out.println("usage: govroam test-auth --server HOST:PORT (--secret S | --secret-file F) --user USER@REALM "
                + "(--password P | --password-file F) [--method pap] [--timeout 3s] [--calling-station-id MAC]");
    }
}
