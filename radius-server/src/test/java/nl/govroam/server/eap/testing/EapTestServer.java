package nl.govroam.server.eap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.server.certs.CertificateIssuer;
import nl.govroam.server.certs.CertifiedKey;
import nl.govroam.server.certs.PemWriter;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.service.GovroamService;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The server with EAP on 127.0.0.1 (free ports) against a real slapd with the {@link TestDirectory} users and their
 * NT hashes, realm {@value #REALM}; certificates from a fresh CA in a temp dir: the server's, a client certificate
 * for {@link TestDirectory#STAFF_USER}, and one from another CA that must be refused.
 */
public final class EapTestServer implements AutoCloseable {
    public static final String REALM = TestDirectory.MAIL_DOMAIN;
    /** Served by the same slapd through a directory without nt-hash-attribute (as with Active Directory). */
    public static final String REALM_WITHOUT_NT_HASH = "zonder-nt-hash.nl";
    public static final String SECRET = "eap-test-secret-0123456789";

    private final Path dir;
    private final Slapd slapd;
    private final GovroamService service;

    private EapTestServer(Path dir, Slapd slapd, GovroamService service) {
        this.dir = dir;
        this.slapd = slapd;
        this.service = service;
    }

    public static EapTestServer start() throws IOException, InterruptedException {
        return start("");
    }

    /**
     * @param extraEapConfig more keys of the {@code eap:} section, each line indented by two spaces, e.g.
     *                       {@code "  resumption: {enabled: true}\n"}
     */
    public static EapTestServer start(String extraEapConfig) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("govroam-eap-");
        Slapd slapd = Slapd.start();
        try {
            Duration validity = Duration.ofDays(2);
            CertifiedKey ca = CertificateIssuer.newCa("eap test CA", validity);
            CertifiedKey server = CertificateIssuer.issue(ca, "radius.test", List.of(new GeneralName(GeneralName.dNSName,
                    "radius.test")), List.of(KeyPurposeId.id_kp_serverAuth), validity);
            String user = TestDirectory.STAFF_USER.uid() + "@" + REALM;
            CertifiedKey client = CertificateIssuer.issue(ca, user, List.of(new GeneralName(GeneralName.rfc822Name, user)),
                    List.of(KeyPurposeId.id_kp_clientAuth), validity);
            CertifiedKey otherCa = CertificateIssuer.newCa("another CA", validity);
            CertifiedKey stranger = CertificateIssuer.issue(otherCa, user, List.of(new GeneralName(GeneralName.rfc822Name,
                    user)), List.of(KeyPurposeId.id_kp_clientAuth), validity);
            PemWriter.writeCertificates(dir.resolve("ca.pem"), ca.chain());
            PemWriter.writeCertificates(dir.resolve("server.pem"), server.chain());
            PemWriter.writeKey(dir.resolve("server.key"), server.key());
            PemWriter.writeCertificates(dir.resolve("client.pem"), client.chain());
            PemWriter.writeKey(dir.resolve("client.key"), client.key());
            PemWriter.writeCertificates(dir.resolve("stranger.pem"), stranger.chain());
            PemWriter.writeKey(dir.resolve("stranger.key"), stranger.key());
            Path config = Files.writeString(dir.resolve("govroam.yaml"), config(slapd, dir) + extraEapConfig);
            ConfigResult result = ConfigLoader.load(config);
            if (!(result instanceof ConfigResult.Loaded loaded)) {
                throw new IllegalStateException("test config invalid: " + result);
            }
            return new EapTestServer(dir, slapd, GovroamService.start(loaded.config()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            slapd.close();
            throw e;
        }
    }

    private static String config(Slapd slapd, Path dir) {
        return """
                server:
                  address: 127.0.0.1
                  auth-port: 0
                  accounting-port: 0
                  reject-delay: 0ms
                accounting:
                  directory: %s
                clients:
                  - name: eapol-test
                    address: 127.0.0.1/32
                    secret: "%s"
                    operator: %s
                directories:
                  - name: test
                    urls: [%s]
                    bind-dn: "%s"
                    bind-password: "%s"
                    user-base-dn: "%s"
                    user-filter: "%s"
                    required-group: "%s"
                    disabled-group: "%s"
                    nt-hash-attribute: %s
                  - name: like-ad
                    urls: [%s]
                    bind-dn: "%s"
                    bind-password: "%s"
                    user-base-dn: "%s"
                    user-filter: "%s"
                realms:
                  - realm: %s
                    directory: test
                  - realm: %s
                    directory: like-ad
                eap:
                  methods: [ttls, peap, tls]
                  certificate:
                    certificate-file: server.pem
                    key-file: server.key
                  tls-min-version: "1.2"
                  tls-max-version: "1.3"
                  client-cas:
                    - realm: %s
                      ca-file: ca.pem
                  cui-keys:
                    - realm: %s
                      key: "test-cui-key"
                """.formatted(dir.resolve("accounting"), SECRET, REALM, slapd.uri(), TestDirectory.SERVICE_DN,
                TestDirectory.SERVICE_PASSWORD, TestDirectory.PEOPLE_DN, TestDirectory.USER_FILTER,
                TestDirectory.groupDn(TestDirectory.WIFI_USERS), TestDirectory.groupDn(TestDirectory.DISABLED),
                TestDirectory.NT_HASH_ATTRIBUTE, slapd.uri(), TestDirectory.SERVICE_DN, TestDirectory.SERVICE_PASSWORD,
                TestDirectory.PEOPLE_DN, TestDirectory.USER_FILTER, REALM, REALM_WITHOUT_NT_HASH, REALM, REALM);
    }

    /** The config file the server was started with (rewrite it, then {@code service().reload()}). */
    public Path configFile() {
        return dir.resolve("govroam.yaml");
    }

    public Path dir() {
        return dir;
    }

    public int port() {
        return service.authAddress().getPort();
    }

    public GovroamService service() {
        return service;
    }

    /** Runs eapol_test against this server. */
    public EapolTest.Result eapol(String network, String... extraArgs) throws IOException, InterruptedException {
        return EapolTest.run(dir, port(), SECRET, network, extraArgs);
    }

    @Override
    public void close() {
        try {
            service.close(Duration.ofSeconds(2));
        } finally {
            slapd.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
