package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.service.GovroamService;
import nl.govroam.server.transport.DropReason;
import nl.govroam.server.transport.TransportCounters;

/**
 * The whole server as an operator runs it: a YAML file written to a temp dir and loaded with {@link ConfigLoader}
 * (secrets from the environment map), then {@link GovroamService#start} on 127.0.0.1 with both ports 0, against a
 * real {@link Slapd}. Three clients, told apart by their loopback source address:
 * <ul>
 * <li>{@link #NAS} 127.0.0.1, role nas, Message-Authenticator required (radclient sends from here);</li>
 * <li>{@link #LEGACY_NAS} 127.0.0.3, role nas, Message-Authenticator not required;</li>
 * <li>{@link #FEDERATION} 127.0.0.4, role federation.</li>
 * </ul>
 * 127.0.0.2 ({@link #UNKNOWN_SOURCE}) is no client. {@link #close()} stops only the service started here.
 */
final class E2eServer implements AutoCloseable {
    static final String REALM = TestDirectory.MAIL_DOMAIN;
    static final String SECRET = "e2e-Nas-Shared-Secret-7f3a9c21b4";
    static final String LEGACY_SECRET = "e2e-Legacy-Shared-Secret-51d0e8aa";
    static final String FEDERATION_SECRET = "e2e-Federation-Secret-0b6c4d2e99";
    static final InetAddress NAS = address("127.0.0.1");
    static final InetAddress UNKNOWN_SOURCE = address("127.0.0.2");
    static final InetAddress LEGACY_NAS = address("127.0.0.3");
    static final InetAddress FEDERATION = address("127.0.0.4");

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "E2E_NAS_SECRET", SECRET,
            "E2E_LEGACY_SECRET", LEGACY_SECRET,
            "E2E_FEDERATION_SECRET", FEDERATION_SECRET,
            "E2E_LDAP_PASSWORD", TestDirectory.SERVICE_PASSWORD);

    private final GovroamService service;
    private final Path accountingDirectory;

    private E2eServer(GovroamService service, Path accountingDirectory) {
        this.service = service;
        this.accountingDirectory = accountingDirectory;
    }

    /** What differs between test classes. Durations are written as in the YAML file, e.g. {@code 100ms}. */
    record Options(String rejectDelay, String ldapConnectTimeout, String ldapOperationTimeout, String ldapPoolWait) {
        static Options rejectDelay(String rejectDelay) {
            return new Options(rejectDelay, "1s", "2s", "1s");
        }

        Options ldapTimeouts(String connect, String operation, String poolWait) {
            return new Options(rejectDelay, connect, operation, poolWait);
        }
    }

    static E2eServer start(Path dir, Slapd slapd, Options options) {
        Path accounting = dir.resolve("accounting");
        Path file = dir.resolve("govroam.yaml");
        try {
            Files.writeString(file, yaml(slapd, accounting, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GovroamConfig config = switch (ConfigLoader.load(file, ENVIRONMENT)) {
            case ConfigResult.Loaded loaded -> loaded.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError("the e2e config does not load:\n"
                    + invalid.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        };
        try {
            return new E2eServer(GovroamService.start(config), accounting);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting the server", e);
        }
    }

    private static String yaml(Slapd slapd, Path accounting, Options o) {
        return """
                server:
                  address: 127.0.0.1
                  auth-port: 0
                  accounting-port: 0
                  reject-delay: %s
                  duplicate-window: 10s
                accounting:
                  directory: "%s"
                clients:
                  - name: nas-local
                    address: 127.0.0.1/32
                    secret: {env: E2E_NAS_SECRET}
                    operator: %s
                  - name: nas-legacy
                    address: 127.0.0.3/32
                    secret: {env: E2E_LEGACY_SECRET}
                    operator: %s
                    require-message-authenticator: false
                  - name: federation-proxy
                    address: 127.0.0.4/32
                    secret: {env: E2E_FEDERATION_SECRET}
                    operator: govroam.nl
                    role: federation
                directories:
                  - name: gemeente-test
                    urls: ["%s"]
                    bind-dn: "%s"
                    bind-password: {env: E2E_LDAP_PASSWORD}
                    user-base-dn: "%s"
                    user-filter: "%s"
                    required-group: "%s"
                    disabled-group: "%s"
                    disabled-filter: "%s"
                    vlans:
                      - group: "%s"
                        vlan: %s
                    timeouts: {connect: %s, operation: %s, pool-wait: %s}
                    pool-size: 4
                    dead-server-retry: 200ms
                realms:
                  - realm: %s
                    directory: gemeente-test
                """.formatted(o.rejectDelay(), accounting, REALM, REALM, slapd.uri(), TestDirectory.SERVICE_DN,
                TestDirectory.PEOPLE_DN, TestDirectory.USER_FILTER, TestDirectory.groupDn(TestDirectory.WIFI_USERS),
                TestDirectory.groupDn(TestDirectory.DISABLED), TestDirectory.DISABLED_FILTER,
                TestDirectory.groupDn(TestDirectory.STAFF),
                TestDirectory.STAFF_VLAN, o.ldapConnectTimeout(), o.ldapOperationTimeout(), o.ldapPoolWait(), REALM);
    }

    InetSocketAddress authAddress() {
        return service.authAddress();
    }

    InetSocketAddress accountingAddress() {
        return service.accountingAddress();
    }

    TransportCounters counters() {
        return service.counters();
    }

    long drops(DropReason reason) {
        return service.counters().drops(reason);
    }

    Path accountingDirectory() {
        return accountingDirectory;
    }

    /** Waits up to {@code within} for a counter to reach {@code atLeast}: counters are bumped on server threads. */
    /** Waits until the decisions so far are in the auth and audit logs (written on their own thread). */
    void awaitDecisionsWritten() {
        if (!service.awaitDecisionsWritten(Duration.ofSeconds(5))) {
            throw new AssertionError("decisions not written to the logs within 5 s");
        }
    }

    static void awaitCount(String what, LongSupplier counter, long atLeast, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (counter.getAsLong() < atLeast) {
            if (System.nanoTime() > deadline) {
                fail(what + ": expected at least " + atLeast + " within " + within + ", is " + counter.getAsLong());
            }
            sleep(Duration.ofMillis(10));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        service.close(Duration.ofSeconds(2));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
