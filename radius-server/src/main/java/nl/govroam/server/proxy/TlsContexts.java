package nl.govroam.server.proxy;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import nl.govroam.server.config.TlsConfig;

/**
 * TLS for RadSec (RFC 6614 2.3, federation-rules.md 14): mutual TLS, TLS 1.2 or 1.3 only, the peer's certificate
 * validated (PKIX) against the configured CA and its name checked against the expected peer name.
 */
final class TlsContexts {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    static SslContext client(TlsConfig tls) {
        try {
            return SslContextBuilder.forClient()
                    .keyManager(tls.certificate().toFile(), tls.key().toFile())
                    .trustManager(tls.ca().toFile())
                    .protocols(PROTOCOLS)
                    .endpointIdentificationAlgorithm("HTTPS")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("RadSec TLS files " + tls.certificate() + ", " + tls.key() + ", "
                    + tls.ca() + " cannot be used: " + e.getMessage(), e);
        }
    }
}
