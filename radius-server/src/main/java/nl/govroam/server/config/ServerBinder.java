package nl.govroam.server.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/** Binds the optional {@code server:} section; every key has a default. */
final class ServerBinder {

    static final List<String> KEYS = List.of("address", "auth-port", "accounting-port", "in-flight-limit",
            "reject-delay", "duplicate-window", "directory-down");
    static final List<String> DIRECTORY_DOWN_KEYS = List.of("nas", "federation");

    static final InetAddress DEFAULT_ADDRESS = ValueChecks.ipLiteral("0.0.0.0").orElseThrow();
    static final int DEFAULT_AUTH_PORT = 1812;
    static final int DEFAULT_ACCOUNTING_PORT = 1813;
    static final int DEFAULT_IN_FLIGHT_LIMIT = 2000;
    static final Duration DEFAULT_REJECT_DELAY = Duration.ofSeconds(1);
    static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofSeconds(10);

    private ServerBinder() {
    }

    static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_ADDRESS, DEFAULT_AUTH_PORT, DEFAULT_ACCOUNTING_PORT, DEFAULT_IN_FLIGHT_LIMIT,
                DEFAULT_REJECT_DELAY, DEFAULT_DUPLICATE_WINDOW, DirectoryDownPolicy.DEFAULT);
    }

    static ServerConfig bind(MapReader server) {
        server.allowOnly(KEYS);
        InetAddress address = server.field("address").flatMap(f -> server.text(f).flatMap(text -> {
            var parsed = ValueChecks.ipLiteral(text);
            if (parsed.isEmpty()) {
                server.problems().error(f.line(), f.path(), "'" + text + "' is not an IP address; write an IPv4 or "
                        + "IPv6 address such as 0.0.0.0 (all interfaces), 127.0.0.1 or ::");
            }
            return parsed;
        })).orElse(DEFAULT_ADDRESS);
        int authPort = server.integer("auth-port", DEFAULT_AUTH_PORT, 0, 65535);
        int accountingPort = server.integer("accounting-port", DEFAULT_ACCOUNTING_PORT, 0, 65535);
        if (authPort == accountingPort && authPort != 0) {
            String key = server.has("accounting-port") ? "accounting-port" : "auth-port";
            server.problems().error(server.lineOf(key), server.pathOf(key), "auth-port and accounting-port are both "
                    + authPort + "; they must differ (usually 1812 and 1813)");
        }
        int inFlightLimit = server.integer("in-flight-limit", DEFAULT_IN_FLIGHT_LIMIT, 1, 1_000_000);
        Duration rejectDelay = server.duration("reject-delay", DEFAULT_REJECT_DELAY, false);
        Duration duplicateWindow = server.duration("duplicate-window", DEFAULT_DUPLICATE_WINDOW, false);
        DirectoryDownPolicy directoryDown = server.map("directory-down").map(ServerBinder::directoryDown)
                .orElse(DirectoryDownPolicy.DEFAULT);
        return new ServerConfig(address, authPort, accountingPort, inFlightLimit, rejectDelay, duplicateWindow,
                directoryDown);
    }

    private static DirectoryDownPolicy directoryDown(MapReader policy) {
        policy.allowOnly(DIRECTORY_DOWN_KEYS);
        return new DirectoryDownPolicy(
                policy.choice("nas", DirectoryDownPolicy.Answer.class, DirectoryDownPolicy.DEFAULT.nas()),
                policy.choice("federation", DirectoryDownPolicy.Answer.class, DirectoryDownPolicy.DEFAULT.federation()));
    }
}
