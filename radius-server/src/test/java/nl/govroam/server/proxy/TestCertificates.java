package nl.govroam.server.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Test certificates made with the real {@code openssl}: a CA and leaf certificates with a DNS name (keys PKCS#8). */
final class TestCertificates {
    private TestCertificates() {
    }

    /** Makes {@code name}-ca.pem and its key in {@code dir}. */
    static void ca(Path dir, String name) {
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + "-ca.key", "-out", name + "-ca.pem", "-days", "2", "-subj", "/CN=" + name + " test CA");
    }

    /** Makes {@code host}.pem (signed by {@code ca}) and {@code host}.key with SAN DNS:host, for server and client use. */
    static void leaf(Path dir, String ca, String host) {
        run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", host + ".key", "-out", host + ".csr", "-subj", "/CN=" + host);
        try {
            Files.writeString(dir.resolve(host + ".ext"), "subjectAltName=DNS:" + host
                    + "\nextendedKeyUsage=serverAuth,clientAuth\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(dir, "openssl", "x509", "-req", "-in", host + ".csr", "-CA", ca + "-ca.pem", "-CAkey", ca + "-ca.key",
                "-CAcreateserial", "-out", host + ".pem", "-days", "2", "-extfile", host + ".ext");
    }

    private static void run(Path dir, String... command) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
