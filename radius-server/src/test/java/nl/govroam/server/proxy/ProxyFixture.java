package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.service.GovroamService;

/** Our server, configured by a test's YAML, on 127.0.0.1 with free ports. */
final class ProxyFixture {
    static final String NAS_SECRET = "nas-secret-0123456789";
    static final String PEER_SECRET = "peer-secret-0123456789";
    static final String FOREIGN_USER = "alice@home.example";
    static final String FOREIGN_PASSWORD = "alice-password";

    private ProxyFixture() {
    }

    /** A users file for the foreign home server: alice, with attributes a visited site must not get. */
    static String foreignUsers() {
        return """
                "alice@home.example" Cleartext-Password := "alice-password"
                        Reply-Message = "welcome from home.example",
                        Filter-Id = "home-acl",
                        Tunnel-Type = VLAN,
                        Tunnel-Medium-Type = IEEE-802,
                        Tunnel-Private-Group-Id = "42",
                        Class = 0x686f6d65,
                        Cisco-AVPair = "home-only"
                """;
    }

    static GovroamConfig config(Path dir, String yaml) {
        try {
            Path file = dir.resolve("govroam.yaml");
            Files.writeString(file, yaml);
            ConfigResult result = ConfigLoader.load(file, Map.of());
            if (result instanceof ConfigResult.Invalid invalid) {
                throw new AssertionError("config invalid: " + invalid.problems());
            }
            return assertInstanceOf(ConfigResult.Loaded.class, result).config();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Server, NAS client 127.0.0.1, the demo directory for demodorp.example, and {@code federation} appended. */
    static String yaml(Path dir, String federation) {
        return yaml(dir, "", federation);
    }

    /** As {@link #yaml(Path, String)}, with more {@code clients:} items. */
    static String yaml(Path dir, String extraClients, String federation) {
        return """
                server:
                  address: 127.0.0.1
                  auth-port: 0
                  accounting-port: 0
                  reject-delay: 0s
                accounting:
                  directory: %s
                clients:
                  - name: nas
                    address: 127.0.0.1
                    secret: %s
                    operator: nijmegen.nl
                  %s
                directories:
                  - name: demo
                    embedded-demo: true
                """.formatted(dir.resolve("acct"), NAS_SECRET, extraClients.strip()) + federation;
    }

    static GovroamService start(GovroamConfig config) {
        try {
            return GovroamService.start(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
