package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.UserPasswordCipher;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.service.GovroamService;
import nl.govroam.server.transport.InboundRequest;

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

    /** A PAP Access-Request for the foreign user from the {@code nas} client of {@code config}, as decoded. */
    static InboundRequest pap(GovroamConfig config) {
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        byte[] secret = NAS_SECRET.getBytes(StandardCharsets.UTF_8);
        return inbound(config, PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, 9, authenticator, List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, FOREIGN_USER),
                new RadiusAttribute(AttributeType.USER_PASSWORD, UserPasswordCipher.hide(
                        FOREIGN_PASSWORD.toCharArray(), authenticator, secret))), secret, true));
    }

    /** An Accounting-Request Start for the foreign user from the {@code nas} client of {@code config}. */
    static InboundRequest accountingStart(GovroamConfig config, String session) {
        byte[] secret = NAS_SECRET.getBytes(StandardCharsets.UTF_8);
        return inbound(config, PacketEncoder.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 10, new byte[16], List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, FOREIGN_USER),
                RadiusAttribute.ofInt(AttributeType.ACCT_STATUS_TYPE, 1),
                RadiusAttribute.ofString(AttributeType.ACCT_SESSION_ID, session)), secret, false));
    }

    private static InboundRequest inbound(GovroamConfig config, byte[] wire) {
        ClientConfig nas = config.clients().stream().filter(c -> c.name().equals("nas")).findFirst().orElseThrow();
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, PacketDecoder.decode(wire));
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new InboundRequest(null, nas, decoded.packet(), decoded.wire(), new InetSocketAddress(loopback, 40_000),
                new InetSocketAddress(loopback, 1812), System.nanoTime());
    }
}
