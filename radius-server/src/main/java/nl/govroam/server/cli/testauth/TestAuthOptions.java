package nl.govroam.server.cli.testauth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code govroam test-auth}: options with a value, and flags. Every problem is an
 * {@link IllegalArgumentException} whose message is meant for the admin.
 */
final class TestAuthOptions {
    static final List<String> METHODS = List.of("pap", "ttls-pap");
    private static final List<String> WITH_VALUES = List.of("--server", "--secret", "--secret-file", "--user",
            "--password", "--password-file", "--method", "--timeout", "--calling-station-id", "--anonymous-identity",
            "--ca", "--server-name", "--tls-version");
    private static final List<String> FLAGS = List.of("--insecure");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s)");

    private final Map<String, String> values;
    private final Set<String> flags;

    private TestAuthOptions(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    static TestAuthOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (FLAGS.contains(a)) {
                flags.add(a);
            } else if (WITH_VALUES.contains(a) && i + 1 < args.size()) {
                values.put(a, args.get(++i));
            } else {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
        }
        for (String required : List.of("--server", "--user")) {
            if (!values.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required);
            }
        }
        if (!values.containsKey("--secret") && !values.containsKey("--secret-file")) {
            throw new IllegalArgumentException("missing --secret or --secret-file");
        }
        if (!values.containsKey("--password") && !values.containsKey("--password-file")) {
            throw new IllegalArgumentException("missing --password or --password-file");
        }
        TestAuthOptions options = new TestAuthOptions(values, flags);
        if (!METHODS.contains(options.method())) {
            throw new IllegalArgumentException("method '" + options.method() + "' is not supported; use one of "
                    + String.join(", ", METHODS));
        }
        if (options.method().equals("ttls-pap") && !values.containsKey("--ca") && !flags.contains("--insecure")) {
            throw new IllegalArgumentException("--method ttls-pap sends the password into a TLS tunnel: give the "
                    + "server's CA with --ca FILE (and --server-name NAME), or --insecure to skip the check");
        }
        if (values.containsKey("--server-name") && !values.containsKey("--ca")) {
            throw new IllegalArgumentException("--server-name needs --ca FILE");
        }
        String tls = values.getOrDefault("--tls-version", "any");
        if (!List.of("1.2", "1.3", "any").contains(tls)) {
            throw new IllegalArgumentException("--tls-version " + tls + ": write 1.2, 1.3 or any");
        }
        return options;
    }

    String method() {
        return values.getOrDefault("--method", "pap");
    }

    String server() {
        return values.get("--server");
    }

    String user() {
        return values.get("--user");
    }

    boolean insecure() {
        return flags.contains("--insecure");
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The outer identity: {@code --anonymous-identity}, else {@code anonymous@} the user's realm, else the user. */
    String outerIdentity() {
        String user = user();
        int at = user.lastIndexOf('@');
        return values.getOrDefault("--anonymous-identity", at < 0 ? user : "anonymous" + user.substring(at));
    }

    String callingStationId() {
        return values.getOrDefault("--calling-station-id", "02-00-00-00-00-01");
    }

    /** The value of {@code --name}, or the first line of the file given as {@code --name-file}. */
    String value(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        Path file = Path.of(values.get(name + "-file"));
        try {
            return Files.readString(file).lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    InetSocketAddress address() {
        String hostPort = server();
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

    Duration timeout(String fallback) {
        String text = values.getOrDefault("--timeout", fallback);
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--timeout " + text + ": write e.g. 3s or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("s") ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }
}
