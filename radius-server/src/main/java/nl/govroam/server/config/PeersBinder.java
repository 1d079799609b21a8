package nl.govroam.server.config;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Binds one item of {@code peers:}: a national or regional proxy, over UDP with a secret or over RadSec. */
final class PeersBinder {

    static final List<String> KEYS = List.of("name", "address", "port", "transport", "secret", "tls",
            "accounting-port", "response-window", "retries", "check-interval", "answers-to-alive", "zombie-period", "sockets",
            "require-message-authenticator");
    static final List<String> TLS_KEYS = List.of("certificate", "key", "ca", "peer-name");

    private final SecretResolver secrets;
    private final Path configDirectory;

    PeersBinder(SecretResolver secrets, Path configDirectory) {
        this.secrets = secrets;
        this.configDirectory = configDirectory;
    }

    Optional<PeerConfig> bind(MapReader peer) {
        Problems problems = peer.problems();
        int errorsBefore = problems.errorCount();
        peer.allowOnly(KEYS);
        Optional<String> name = peer.requiredString("name", "give each peer a unique name, e.g. nrs1");
        Optional<InetAddress> address = peer.requiredString("address", "write the peer's IP address, e.g. 192.0.2.10")
                .flatMap(text -> {
                    Optional<InetAddress> ip = ValueChecks.ipLiteral(text.strip());
                    if (ip.isEmpty()) {
                        problems.error(peer.lineOf("address"), peer.pathOf("address"), "'" + text
                                + "' is not an IP address; write e.g. 192.0.2.10 or 2001:db8::10");
                    }
                    return ip;
                });
        PeerTransportKind transport = peer.choice("transport", PeerTransportKind.class, PeerTransportKind.UDP);
        int port = peer.integer("port", transport.defaultPort(), 1, 65535);
        int accountingPort = peer.integer("accounting-port",
                transport == PeerTransportKind.UDP ? Math.min(port + 1, 65535) : port, 1, 65535);
        Optional<Secret> secret;
        Optional<TlsConfig> tls = Optional.empty();
        if (transport == PeerTransportKind.UDP) {
            secret = peer.requiredField("secret", "write secret: {env: VARIABLE}, {file: /path} or an inline secret")
                    .flatMap(f -> secrets.resolve(f, peer));
            if (peer.has("tls")) {
                problems.error(peer.lineOf("tls"), peer.pathOf("tls"), "tls: is for transport: radsec only");
            }
        } else {
            secret = peer.field("secret").flatMap(f -> secrets.resolve(f, peer))
                    .or(() -> Optional.of(Secret.of("radsec", "RFC 6614 default")));
            tls = peer.requiredField("tls", "RadSec needs tls: with certificate, key, ca and peer-name")
                    .flatMap(f -> MapReader.of(f, problems)).flatMap(t -> tls(t, true));
        }
        Duration responseWindow = peer.duration("response-window", Duration.ofSeconds(20), true);
        int retries = peer.integer("retries", 2, 0, 10);
        Duration checkInterval = peer.duration("check-interval", Duration.ofSeconds(30), true);
        int answersToAlive = peer.integer("answers-to-alive", 3, 1, 10);
        Duration zombiePeriod = peer.duration("zombie-period", Duration.ofSeconds(40), true);
        int sockets = peer.integer("sockets", 4, 1, 64);
        boolean requireMessageAuthenticator = peer.bool("require-message-authenticator", true);
        if (!requireMessageAuthenticator) {
            problems.warning(peer.lineOf("require-message-authenticator"), peer.pathOf("require-message-authenticator"),
                    "replies without Message-Authenticator are open to BlastRADIUS (CVE-2024-3596); keep true "
                            + "unless the peer cannot send it");
        }
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new PeerConfig(name.orElseThrow(), address.orElseThrow(), port, accountingPort, transport,
                secret.orElseThrow(), tls, responseWindow, retries, checkInterval, answersToAlive, zombiePeriod, sockets,
                requireMessageAuthenticator));
    }

    /** Binds a TLS block; {@code peer-name} is required outbound (the name the peer's certificate must carry). */
    Optional<TlsConfig> tls(MapReader t, boolean needsPeerName) {
        int errorsBefore = t.problems().errorCount();
        t.allowOnly(TLS_KEYS);
        Optional<Path> certificate = file(t, "certificate", "our certificate (PEM)");
        Optional<Path> key = file(t, "key", "our private key (PEM, PKCS#8)");
        Optional<Path> ca = file(t, "ca", "the CA certificate (PEM) the peer's certificate must chain to");
        List<String> names = needsPeerName
                ? t.requiredString("peer-name", "write the name the peer's certificate carries, e.g. nrs1.govroam.nl")
                        .map(List::of).orElse(List.of())
                : List.of();
        if (t.problems().errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new TlsConfig(certificate.orElseThrow(), key.orElseThrow(), ca.orElseThrow(), names));
    }

    Optional<Path> file(MapReader reader, String key, String what) {
        return reader.requiredString(key, "give the path of " + what).flatMap(text -> {
            Path file = configDirectory.resolve(text.strip());
            if (!Files.isReadable(file)) {
                reader.problems().error(reader.lineOf(key), reader.pathOf(key), "file " + file
                        + (Files.exists(file) ? " cannot be read" : " does not exist") + "; give the path of " + what);
                return Optional.empty();
            }
            return Optional.of(file);
        });
    }
}
