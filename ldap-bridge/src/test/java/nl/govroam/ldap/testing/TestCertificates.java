package nl.govroam.ldap.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a server certificate signed by it, made with the {@code openssl} command (EC P-256, fast).
 *
 * @param caFile   the CA certificate (PEM), to trust
 * @param certFile the server certificate (PEM)
 * @param keyFile  the server's private key (PEM), never leaves the temp dir
 */
public record TestCertificates(Path caFile, Path certFile, Path keyFile) {

    /**
     * Makes the files in {@code dir}.
     *
     * @param subjectAltNames e.g. {@code "IP:127.0.0.1", "DNS:localhost"}; use a wrong name to test host name checks
     */
    public static TestCertificates create(Path dir, List<String> subjectAltNames) throws IOException {
        Path caKey = dir.resolve("ca.key");
        Path ca = dir.resolve("ca.pem");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path cert = dir.resolve("server.pem");
        Path caConfig = Files.writeString(dir.resolve("ca.cnf"), """
                [req]
                distinguished_name = dn
                prompt = no
                [dn]
                CN = govroam test CA
                [ca_ext]
                basicConstraints = critical,CA:TRUE
                keyUsage = critical,keyCertSign,cRLSign
                subjectKeyIdentifier = hash
                """);
        Path serverConfig = Files.writeString(dir.resolve("server.cnf"), """
                [req]
                distinguished_name = dn
                prompt = no
                [dn]
                CN = govroam test directory
                """);
        Path serverExtensions = Files.writeString(dir.resolve("server-ext.cnf"),
                "basicConstraints = CA:FALSE\nkeyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n"
                        + "subjectAltName = " + String.join(",", subjectAltNames) + "\n");
        openssl("req", "-x509", "-config", caConfig.toString(), "-extensions", "ca_ext", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", caKey.toString(),
                "-out", ca.toString(), "-days", "2");
        openssl("req", "-new", "-config", serverConfig.toString(), "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", csr.toString());
        openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", serverExtensions.toString());
        return new TestCertificates(ca, cert, key);
    }

    private static void openssl(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("openssl " + args[0] + " failed: " + new String(output)
                        + " (is openssl installed? apt-get install openssl)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
