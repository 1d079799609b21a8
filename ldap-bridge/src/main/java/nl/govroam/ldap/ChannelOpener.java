package nl.govroam.ldap;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.TrustManager;
import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.api.LdapApiServiceFactory;
import org.apache.directory.api.ldap.extras.extended.startTls.StartTlsRequestImpl;
import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.message.BindRequestImpl;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;

/**
 * Opens connections to one server on a given event loop: TCP within the connect timeout, TLS (ldaps) or StartTLS
 * when configured, and optionally the service account's bind. Every step completes on that loop.
 */
final class ChannelOpener {
    static final String TLS_HANDLER = "tls";
    static final String PDU_DECODER = "ldap-pdu-decoder";
    /** Pipelined requests written in one pass of the event loop leave in one write call. */
    static final String FLUSH_CONSOLIDATION = "flush-consolidation";
    static final String LDAP_HANDLER = "ldap";

    private final String url;
    private final String host;
    private final int port;
    private final boolean ldaps;
    private final boolean startTls;
    private final LdapTls tls;
    private final LdapApiService codec = LdapApiServiceFactory.getSingleton();
    private final Bootstrap bootstrap;
    private final long operationTimeoutNanos;
    private final String bindDn;
    private final char[] bindPassword;

    ChannelOpener(URI url, DirectorySettings settings, TrustManager[] trustManagers,
            Class<? extends Channel> channelType) {
        this.url = url.toString();
        this.ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
        if (!ldaps && !"ldap".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("directory " + settings.name() + ": not an ldap:// or ldaps:// URL: " + url);
        }
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : ldaps ? 636 : 389;
        this.startTls = !ldaps && settings.startTls();
        this.tls = new LdapTls(trustManagers, host, port, settings.connectTimeout().toMillis());
        this.operationTimeoutNanos = settings.operationTimeout().toNanos();
        this.bootstrap = new Bootstrap().channel(channelType).resolver(OffLoopResolver.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, settings.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true);
        this.bindDn = settings.bindDn();
        this.bindPassword = settings.bindPassword();
    }

    String url() {
        return url;
    }

    /** A connection bound as the service account, for searches. */
    CompletableFuture<LdapChannel> openAsService(EventLoop loop) {
        return openUnbound(loop).thenCompose(connection -> {
            byte[] credentials = utf8(bindPassword);
            CompletableFuture<ResultCodeEnum> bind = simpleBind(connection, bindDn, credentials);
            Arrays.fill(credentials, (byte) 0);
            return bind.thenApply(result -> {
                if (result == ResultCodeEnum.INVALID_CREDENTIALS || result == ResultCodeEnum.INAPPROPRIATE_AUTHENTICATION
                        || result == ResultCodeEnum.INVALID_DN_SYNTAX) {
                    throw new ServerCallFailure(ServerCallFailure.Kind.SERVICE_BIND_REFUSED, "service account bind refused for "
                            + bindDn + " at " + url + " (" + result.getMessage() + ")").unchecked();
                }
                if (result != ResultCodeEnum.SUCCESS) {
                    throw ServerCallFailure.directoryError("service account bind for " + bindDn + " at " + url
                            + " failed: " + result.getMessage()).unchecked();
                }
                return connection;
            }).whenComplete((bound, failure) -> {
                if (failure != null) {
                    connection.close();
                }
            });
        });
    }

    /** A connected (and, if configured, TLS-protected) connection that is not bound yet, for user binds. */
    CompletableFuture<LdapChannel> openUnbound(EventLoop loop) {
        LdapChannel connection = new LdapChannel(url, operationTimeoutNanos, new LdapPduEncoder(codec));
        CompletableFuture<LdapChannel> connected = new CompletableFuture<>();
        try {
            bootstrap.clone(loop).handler(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel channel) {
                    if (ldaps) {
                        channel.pipeline().addLast(TLS_HANDLER, tls.newHandler(channel.alloc()));
                    }
                    channel.pipeline().addLast(PDU_DECODER, new LdapPduDecoder(codec));
                    channel.pipeline().addLast(FLUSH_CONSOLIDATION, new FlushConsolidationHandler(
                            FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
                    channel.pipeline().addLast(LDAP_HANDLER, connection);
                }
            }).connect(host, port).addListener((ChannelFuture done) -> {
                if (done.isSuccess()) {
                    connected.complete(connection);
                } else {
                    connected.completeExceptionally(ServerCallFailure.unreachable(url + ": connect failed: "
                            + ServerCallFailure.describe(done.cause())));
                }
            });
        } catch (RuntimeException e) {
            connected.completeExceptionally(ServerCallFailure.unreachable(url + ": connect failed: "
                    + ServerCallFailure.describe(e)));
        }
        CompletableFuture<LdapChannel> ready = connected;
        if (ldaps) {
            ready = connected.thenCompose(c -> handshake(c, c.channel().pipeline().get(SslHandler.class)));
        } else if (startTls) {
            ready = connected.thenCompose(this::startTls);
        }
        return ready.whenComplete((open, failure) -> {
            if (failure != null) {
                connection.close();
            }
        });
    }

    /** StartTLS (RFC 4511 section 4.14): the extended operation, then TLS before any other PDU. */
    private CompletableFuture<LdapChannel> startTls(LdapChannel connection) {
        return connection.send(new StartTlsRequestImpl(), new PendingOperation.Single(), false)
                .thenCompose(result -> {
                    if (result != ResultCodeEnum.SUCCESS) {
                        return CompletableFuture.failedFuture(ServerCallFailure.unreachable(url + ": StartTLS refused: "
                                + result.getMessage()));
                    }
                    SslHandler handler = tls.newHandler(connection.channel().alloc());
                    connection.channel().pipeline().addFirst(TLS_HANDLER, handler);
                    return handshake(connection, handler);
                });
    }

    private CompletableFuture<LdapChannel> handshake(LdapChannel connection, SslHandler handler) {
        CompletableFuture<LdapChannel> done = new CompletableFuture<>();
        handler.handshakeFuture().addListener(handshake -> {
            if (handshake.isSuccess()) {
                done.complete(connection);
            } else {
                done.completeExceptionally(ServerCallFailure.unreachable(url + ": TLS handshake failed: "
                        + ServerCallFailure.describe(handshake.cause())));
            }
        });
        return done;
    }

    /**
     * A simple bind whose answer is returned as a result code; no answer within the operation timeout is
     * {@link ServerCallFailure.Kind#UNREACHABLE}. The request's copy of {@code credentials} is zeroed once encoded;
     * the caller clears its own array when it no longer needs it (a failover may bind again on the next server).
     */
    CompletableFuture<ResultCodeEnum> simpleBind(LdapChannel connection, String dn, byte[] credentials) {
        BindRequest request = new BindRequestImpl().setSimple(true).setName(dn).setCredentials(credentials);
        try {
            return connection.send(request, new PendingOperation.Single(), true);
        } finally {
            Arrays.fill(request.getCredentials(), (byte) 0);
        }
    }

    /** Forgets the service password (after the pools were closed). */
    void clear() {
        Arrays.fill(bindPassword, '\0');
    }

    static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
