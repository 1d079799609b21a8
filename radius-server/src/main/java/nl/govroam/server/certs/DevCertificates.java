package nl.govroam.server.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * The development certificates ({@code certs init}): a dev CA, a server certificate for EAP and RadSec, and a
 * client certificate for EAP-TLS tests of the demo user {@value #CLIENT_IDENTITY}. Made when absent, never
 * overwritten. For trying the server out only: the CA key sits next to them, unprotected.
 */
public final class DevCertificates {
    public static final String CA_CERT = "dev-ca.pem";
    public static final String CA_KEY = "dev-ca.key";
    public static final String SERVER_CERT = "dev-server.pem";
    public static final String SERVER_KEY = "dev-server.key";
    public static final String SERVER_P12 = "dev-server.p12";
    public static final String CLIENT_CERT = "dev-client.pem";
    public static final String CLIENT_KEY = "dev-client.key";
    public static final String CLIENT_P12 = "dev-client.p12";
    /** The password of both PKCS#12 files (published: development only). */
    public static final String P12_PASSWORD = "govroam-dev";
    /** The server certificate's name. */
    public static final String SERVER_NAME = "radius.demo.govroam.example";
    /** The demo user the client certificate is for. */
    public static final String CLIENT_IDENTITY = "jan.jansen@demodorp.example";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration VALIDITY = Duration.ofDays(825);

    private DevCertificates() {
    }

    /** The files of a complete set. */
    public static List<String> fileNames() {
        return List.of(CA_CERT, CA_KEY, SERVER_CERT, SERVER_KEY, SERVER_P12, CLIENT_CERT, CLIENT_KEY, CLIENT_P12);
    }

    /**
     * Makes the set in {@code dir} unless the server certificate is already there. Returns the files written
     * (empty when there was nothing to do).
     */
    public static List<Path> createIfAbsent(Path dir) throws IOException {
        if (Files.exists(dir.resolve(SERVER_CERT)) && Files.exists(dir.resolve(SERVER_KEY))
                && Files.exists(dir.resolve(CA_CERT))) {
            return List.of();
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        CertifiedKey ca;
        if (Files.exists(dir.resolve(CA_CERT)) && Files.exists(dir.resolve(CA_KEY))) {
            ca = CertificateFiles.readPem(dir.resolve(CA_CERT), Optional.empty(), dir.resolve(CA_KEY), Optional.empty());
        } else {
            ca = CertificateIssuer.newCa("govroam development CA (not for production)", CA_VALIDITY);
            written.add(write(dir.resolve(CA_CERT), ca.chain()));
            PemWriter.writeKey(dir.resolve(CA_KEY), ca.key());
            written.add(dir.resolve(CA_KEY));
        }
        CertifiedKey server = CertificateIssuer.issue(ca, SERVER_NAME, List.of(
                        new GeneralName(GeneralName.dNSName, SERVER_NAME),
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
                List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth), VALIDITY);
        written.add(write(dir.resolve(SERVER_CERT), server.chain()));
        PemWriter.writeKey(dir.resolve(SERVER_KEY), server.key());
        written.add(dir.resolve(SERVER_KEY));
        PemWriter.writePkcs12(dir.resolve(SERVER_P12), server, P12_PASSWORD.toCharArray());
        written.add(dir.resolve(SERVER_P12));
        CertifiedKey client = CertificateIssuer.issue(ca, CLIENT_IDENTITY,
                List.of(new GeneralName(GeneralName.rfc822Name, CLIENT_IDENTITY)),
                List.of(KeyPurposeId.id_kp_clientAuth), VALIDITY);
        written.add(write(dir.resolve(CLIENT_CERT), client.chain()));
        PemWriter.writeKey(dir.resolve(CLIENT_KEY), client.key());
        written.add(dir.resolve(CLIENT_KEY));
        PemWriter.writePkcs12(dir.resolve(CLIENT_P12), client, P12_PASSWORD.toCharArray());
        written.add(dir.resolve(CLIENT_P12));
        return written;
    }

    private static Path write(Path file, List<java.security.cert.X509Certificate> chain) throws IOException {
        PemWriter.writeCertificates(file, chain);
        return file;
    }
}
