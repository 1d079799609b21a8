package nl.govroam.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS for RadSec (RFC 6614): our certificate and key (PEM, key in PKCS#8), the CA the other side's certificate must
 * chain to, and the names (DNS SAN or subject CN) we accept for it.
 *
 * @param certificate our certificate chain, PEM
 * @param key         our private key, PEM PKCS#8, unencrypted
 * @param ca          the CA certificate(s), PEM
 * @param peerNames   accepted names of the other side; outbound, the first is the expected host name
 */
public record TlsConfig(Path certificate, Path key, Path ca, List<String> peerNames) {
    public TlsConfig {
        peerNames = List.copyOf(peerNames);
    }
}
