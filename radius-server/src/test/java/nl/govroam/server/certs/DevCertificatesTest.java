package nl.govroam.server.certs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code certs init}: the files are made once, and both PEM and PKCS#12 load back. */
class DevCertificatesTest {

    @Test
    void madeOnceAndLoadableAsPemAndPkcs12(@TempDir Path dir) throws Exception {
        assertEquals(DevCertificates.fileNames().size(), DevCertificates.createIfAbsent(dir).size());
        assertTrue(DevCertificates.createIfAbsent(dir).isEmpty(), "never overwritten");
        CertifiedKey pem = CertificateFiles.readPem(dir.resolve(DevCertificates.SERVER_CERT), Optional.empty(),
                dir.resolve(DevCertificates.SERVER_KEY), Optional.empty());
        assertEquals(2, pem.chain().size(), "server certificate and CA");
        CertifiedKey p12 = CertificateFiles.readPkcs12(dir.resolve(DevCertificates.CLIENT_P12),
                DevCertificates.P12_PASSWORD.toCharArray());
        assertTrue(p12.certificate().getSubjectX500Principal().getName().contains(DevCertificates.CLIENT_IDENTITY));
        pem.certificate().verify(CertificateFiles.readCertificates(dir.resolve(DevCertificates.CA_CERT)).get(0).getPublicKey());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(DevCertificates.SERVER_KEY))));
        }
    }
}
