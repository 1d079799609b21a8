package nl.govroam.server.ops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.service.GovroamService;

/**
 * A server started in-process on 127.0.0.1 with any free ports, on the embedded demo directory, from a YAML file
 * written to a temporary directory. Its secrets are listed in never-logged.txt.
 */
public final class OpsServer implements AutoCloseable {
    public static final String SECRET = "ops-test-Nas-Secret-c41e9b";
    public static final String FTICKS_KEY = "ops-test-Fticks-Key-88d1f0";
    public static final String JAN = "jan.jansen@demodorp.example";
    public static final String PASSWORD = "demo-password";
    /** An extra section for {@link #yaml}: EAP with the development certificates, PEAP proposed first, TTLS after a Nak. */
    public static final String EAP_SECTION = """
            eap:
              methods: [peap, ttls]
              certificate:
                development: true
                certificate-file: certs/dev-server.pem
                key-file: certs/dev-server.key
              tls-min-version: "1.2"
              tls-max-version: "1.3"
            """;

    /** Everything but the clients list; {@link #yaml} adds clients and extra sections. */
    public static String yaml(Path dir, String clientsExtra, String extraSections) {
        return """
                server:
                  address: 127.0.0.1
                  auth-port: 0
                  accounting-port: 0
                  reject-delay: 0ms
                accounting:
                  directory: %s
                clients:
                  - name: localhost
                    address: 127.0.0.1/32
                    secret: "%s"
                    operator: demodorp.example
                %s
                directories:
                  - name: demo
                    embedded-demo: true
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: voorbeeldstad.example
                    directory: demo
                %s
                """.formatted(dir.resolve("accounting"), SECRET, clientsExtra, extraSections);
    }

    private final Path file;
    private final GovroamService service;

    private OpsServer(Path file, GovroamService service) {
        this.file = file;
        this.service = service;
    }

    public static OpsServer start(Path dir, String yaml) {
        Path file = write(dir, yaml);
        try {
            return new OpsServer(file, GovroamService.start(load(file)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Path write(Path dir, String yaml) {
        try {
            Path file = dir.resolve("govroam.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GovroamConfig load(Path file) {
        return switch (ConfigLoader.load(file, Map.of())) {
            case ConfigResult.Loaded loaded -> loaded.config();
            case ConfigResult.Invalid invalid -> throw new IllegalArgumentException("test config invalid: "
                    + invalid.problems());
        };
    }

    public Path file() {
        return file;
    }

    public GovroamService service() {
        return service;
    }

    public int authPort() {
        return service.authAddress().getPort();
    }

    public int accountingPort() {
        return service.accountingAddress().getPort();
    }

    @Override
    public void close() {
        service.close();
    }
}
