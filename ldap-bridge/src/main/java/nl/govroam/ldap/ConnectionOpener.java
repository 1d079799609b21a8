package nl.govroam.ldap;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.TrustManager;
import org.apache.directory.api.ldap.model.exception.LdapAuthenticationException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapTlsHandshakeException;
import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.message.BindRequestImpl;
import org.apache.directory.api.ldap.model.message.BindResponse;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.apache.directory.ldap.client.api.LdapConnectionConfig;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;

/**
 * Opens connections to one server: TCP (or ldaps), StartTLS when configured, every timeout set,
 * and optionally the service account's bind.
 */
final class ConnectionOpener {
    private final String url;
    private final LdapConnectionConfig config;
    private final long operationTimeoutMillis;
    private final String bindDn;
    private final char[] bindPassword;
    /** Null for ldaps, where the API's own connector adds the TLS filter. */
    private final SharedLdapIo sharedIo;

    ConnectionOpener(URI url, DirectorySettings settings, TrustManager[] trustManagers) {
        this.url = url.toString();
        boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (!ldaps && !"ldap".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("directory " + settings.name() + ": not an ldap:// or ldaps:// URL: " + url);
        }
        this.operationTimeoutMillis = settings.operationTimeout().toMillis();
        this.config = new LdapConnectionConfig();
        config.setLdapHost(url.getHost());
        config.setLdapPort(url.getPort() > 0 ? url.getPort()
                : ldaps ? LdapConnectionConfig.DEFAULT_LDAPS_PORT : LdapConnectionConfig.DEFAULT_LDAP_PORT);
        config.setUseSsl(ldaps);
        config.setUseTls(!ldaps && settings.startTls());
        config.setTrustManagers(trustManagers);
        config.setConnectTimeout(settings.connectTimeout().toMillis());
        config.setTimeout(operationTimeoutMillis);
        config.setReadOperationTimeout(operationTimeoutMillis);
        config.setWriteOperationTimeout(operationTimeoutMillis);
        config.setSendTimeout(operationTimeoutMillis);
        config.setCloseTimeout(operationTimeoutMillis);
        this.bindDn = settings.bindDn();
        this.bindPassword = settings.bindPassword();
        this.sharedIo = ldaps ? null : new SharedLdapIo(settings.name(), 1);
    }

    String url() {
        return url;
    }

    /** A connection bound as the service account, for searches. */
    LdapConnection openAsService() throws ServerCallFailure {
        LdapConnection connection = openUnbound();
        try {
            bindAsService(connection);
            return connection;
        } catch (ServerCallFailure | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** A connected, not yet bound connection, for user binds. */
    LdapConnection openUnbound() throws ServerCallFailure {
        LdapNetworkConnection connection = new LdapNetworkConnection(config);
        connection.setTimeOut(operationTimeoutMillis);
        if (sharedIo != null) {
            sharedIo.attach(connection);
        }
        try {
            if (!connection.connect()) {
                throw ServerCallFailure.unreachable(url + ": connect failed");
            }
            return connection;
        } catch (LdapTlsHandshakeException e) {
            closeQuietly(connection);
            throw ServerCallFailure.unreachable(url + ": TLS handshake failed: " + ServerCallFailure.describe(e));
        } catch (LdapException e) {
            closeQuietly(connection);
            throw ServerCallFailure.unreachable(url + ": " + ServerCallFailure.describe(e));
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw ServerCallFailure.unreachable(url + ": connect failed: " + ServerCallFailure.describe(e));
        }
    }

    private void bindAsService(LdapConnection connection) throws ServerCallFailure {
        ResultCodeEnum result = simpleBind(connection, bindDn, bindPassword);
        if (result == ResultCodeEnum.INVALID_CREDENTIALS || result == ResultCodeEnum.INAPPROPRIATE_AUTHENTICATION
                || result == ResultCodeEnum.INVALID_DN_SYNTAX) {
            throw new ServerCallFailure(ServerCallFailure.Kind.SERVICE_BIND_REFUSED,
                    "service account bind refused for " + bindDn + " at " + url + " (" + result.getMessage() + ")");
        }
        if (result != ResultCodeEnum.SUCCESS) {
            throw ServerCallFailure.directoryError("service account bind for " + bindDn + " at " + url
                    + " failed: " + result.getMessage());
        }
    }

    /**
     * A simple bind whose answer is returned as a result code; no answer within the operation timeout
     * is {@link ServerCallFailure.Kind#UNREACHABLE}. The password's bytes are cleared after the call.
     */
    ResultCodeEnum simpleBind(LdapConnection connection, String dn, char[] password) throws ServerCallFailure {
        byte[] credentials = utf8(password);
        try {
            BindRequest request = new BindRequestImpl().setSimple(true).setName(dn).setCredentials(credentials);
            BindResponse response = connection.bind(request);
            if (response == null || response.getLdapResult() == null) {
                throw ServerCallFailure.unreachable(url + ": no answer to bind");
            }
            return response.getLdapResult().getResultCode();
        } catch (LdapAuthenticationException e) {
            return ResultCodeEnum.INVALID_CREDENTIALS;
        } catch (LdapException e) {
            throw ServerCallFailure.unreachable(url + ": bind: " + ServerCallFailure.describe(e));
        } catch (RuntimeException e) {
            throw ServerCallFailure.unreachable(url + ": bind failed: " + ServerCallFailure.describe(e));
        } finally {
            Arrays.fill(credentials, (byte) 0);
        }
    }

    /** Forgets the service password and stops the shared I/O thread (after the pools were closed). */
    void clear() {
        Arrays.fill(bindPassword, '\0');
        if (sharedIo != null) {
            sharedIo.close();
        }
    }

    static void closeQuietly(LdapConnection connection) {
        try {
            connection.close();
        } catch (Exception | LinkageError ignored) {
            // closing a broken connection has nothing to report
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
