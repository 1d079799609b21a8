package nl.govroam.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code eap:} section: defaults, and every mistake reported with its line and key path. */
class EapConfigTest {
    private static final String BASE = """
            clients:
              - {name: nas, address: 127.0.0.1, secret: "0123456789abcdef", operator: gemeente-x.nl}
            directories:
              - {name: demo, embedded-demo: true}
            realms:
              - {realm: gemeente-x.nl, directory: demo}
            """;

    private static ConfigResult load(Path dir, String eap) throws Exception {
        return ConfigLoader.load(Files.writeString(dir.resolve("govroam.yaml"), BASE + eap));
    }

    @Test
    void sectionWithDevelopmentCertificatesGetsItsDefaults(@TempDir Path dir) throws Exception {
        ConfigResult.Loaded loaded = assertInstanceOf(ConfigResult.Loaded.class, load(dir, """
                eap:
                  certificate: {development: true, certificate-file: certs/dev-server.pem, key-file: certs/dev-server.key}
                """));
        EapConfig eap = loaded.config().eap().orElseThrow();
        assertEquals(List.of(EapConfig.Method.TTLS, EapConfig.Method.PEAP, EapConfig.Method.TLS), eap.methods());
        assertEquals(EapConfig.TlsVersion.TLS_1_2, eap.minTlsVersion());
        assertEquals(EapConfig.TlsVersion.TLS_1_3, eap.maxTlsVersion());
        assertEquals(1000, eap.fragmentSize());
        assertEquals(65536, eap.maxMessageSize());
        assertEquals(50_000, eap.maxSessions());
        assertEquals(Duration.ofSeconds(30), eap.sessionTimeout());
        assertEquals(dir.resolve("certs/dev-server.pem"), eap.certificate().certificateFile().orElseThrow());
        assertEquals(new EapConfig.Resumption(false, Duration.ofHours(1), 10_000), eap.resumption());
    }

    @Test
    void resumptionIsReadAndBounded(@TempDir Path dir) throws Exception {
        ConfigResult.Loaded loaded = assertInstanceOf(ConfigResult.Loaded.class, load(dir, """
                eap:
                  certificate: {development: true, certificate-file: c.pem, key-file: c.key}
                  resumption: {enabled: true, lifetime: 30m, max-sessions: 500}
                """));
        assertEquals(new EapConfig.Resumption(true, Duration.ofMinutes(30), 500),
                loaded.config().eap().orElseThrow().resumption());
        ConfigResult.Invalid invalid = assertInstanceOf(ConfigResult.Invalid.class, load(dir, """
                eap:
                  certificate: {development: true, certificate-file: c.pem, key-file: c.key}
                  resumption: {enabled: yes, lifetime: 48h, max-sessions: 0, tickets: true}
                """));
        String all = invalid.problems().toString();
        assertTrue(all.contains("eap.resumption.enabled"), all);
        assertTrue(all.contains("eap.resumption.lifetime"), all);
        assertTrue(all.contains("eap.resumption.max-sessions"), all);
        assertTrue(all.contains("unknown key 'tickets'"), all);
    }

    @Test
    void noSectionMeansNoEap(@TempDir Path dir) throws Exception {
        assertTrue(assertInstanceOf(ConfigResult.Loaded.class, load(dir, "")).config().eap().isEmpty());
    }

    @Test
    void mistakesAreAllReportedWithLineAndPath(@TempDir Path dir) throws Exception {
        ConfigResult.Invalid invalid = assertInstanceOf(ConfigResult.Invalid.class, load(dir, """
                eap:
                  methods: [ttls, leap]
                  certificate: {certificate-file: missing.pem, key-file: missing.key}
                  tls-min-version: "1.3"
                  tls-max-version: "1.2"
                  fragment-size: 50
                """));
        String all = invalid.problems().toString();
        assertTrue(all.contains("eap.methods[1]"), all);
        assertTrue(all.contains("eap.certificate.certificate-file"), all);
        assertTrue(all.contains("missing.pem does not exist"), all);
        assertTrue(all.contains("tls-min-version"), all);
        assertTrue(all.contains("eap.fragment-size"), all);
    }
}
