package nl.govroam.ldap;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * TLS for ldaps:// and StartTLS: the JDK's engine with the {@link CaTrust} trust managers and host name
 * verification by endpoint identification "LDAPS" (RFC 4513 section 3.1.3 rules: the name or IP address of the
 * URL must be in the server certificate), the same check the Apache LDAP API 2.1.9 made.
 */
final class LdapTls {
    static final String ENDPOINT_IDENTIFICATION = "LDAPS";

    private final SSLContext context;
    private final String host;
    private final int port;
    private final long handshakeTimeoutMillis;

    LdapTls(TrustManager[] trustManagers, String host, int port, long handshakeTimeoutMillis) {
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS is not available: " + ServerCallFailure.describe(e), e);
        }
        this.host = host;
        this.port = port;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
    }

    /** A client handler for one connection; put it first in the pipeline, before any LDAP PDU goes out. */
    SslHandler newHandler(ByteBufAllocator allocator) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm(ENDPOINT_IDENTIFICATION);
        engine.setSSLParameters(parameters);
        SslHandler handler = new SslHandler(engine);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        return handler;
    }
}
