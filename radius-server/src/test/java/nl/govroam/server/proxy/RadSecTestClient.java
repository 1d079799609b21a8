package nl.govroam.server.proxy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A hand-made RadSec client (RFC 6614) on the JDK's TLS, for what radsecproxy never sends: byte-exact duplicates and
 * bursts on one connection. Mutual TLS with a PEM certificate and PKCS#8 EC key made by {@link TestCertificates}.
 */
final class RadSecTestClient implements AutoCloseable {
    private final SSLSocket socket;
    private final DataInputStream in;

    RadSecTestClient(InetSocketAddress server, Path dir, String ca, String host) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("me", key(dir.resolve(host + ".key")), new char[0],
                    new Certificate[] {certificate(dir.resolve(host + ".pem"))});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, new char[0]);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificate(dir.resolve(ca + "-ca.pem")));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            socket = (SSLSocket) tls.getSocketFactory().createSocket(server.getAddress(), server.getPort());
            socket.setSoTimeout(5000);
            socket.startHandshake();
            in = new DataInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(byte[]... packets) {
        try {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            for (byte[] p : packets) {
                all.write(p);
            }
            socket.getOutputStream().write(all.toByteArray());
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet within {@code millis}, or empty (silence, or the server closed the connection). */
    Optional<byte[]> receive(int millis) {
        try {
            socket.setSoTimeout(millis);
            byte[] header = new byte[4];
            in.readFully(header);
            int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            byte[] packet = new byte[length];
            System.arraycopy(header, 0, packet, 0, 4);
            in.readFully(packet, 4, length - 4);
            return Optional.of(packet);
        } catch (SocketTimeoutException | java.io.EOFException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream s = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(s);
        }
    }

    private static PrivateKey key(Path pem) throws IOException, GeneralSecurityException {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
