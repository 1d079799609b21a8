package nl.govroam.server.proxy.radsec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import nl.govroam.server.audit.AuditLog;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.IpRange;
import nl.govroam.server.config.RadSecClientConfig;
import nl.govroam.server.config.Secret;
import nl.govroam.server.service.ServiceSnapshot;
import nl.govroam.server.transport.Decision;
import nl.govroam.server.transport.InboundRequest;
import nl.govroam.server.transport.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound RadSec connection: after the handshake, the client is known by its certificate (or the connection is
 * closed); each framed Access-Request goes to the processor on a worker (virtual) thread and the reply is written
 * back with the {@code radsec} secret (RFC 6614 2.3) and the request's Proxy-State echoed. Status-Server is answered at
 * once and never processed further (RFC 5997). As on UDP: duplicates on the connection are discarded or answered from
 * the cache ({@link ConnectionDuplicates}), and the listener's {@link InFlightLimit} sheds load. A refused connection
 * (failed handshake, or a certificate of no configured client) gets an audit record with the reason.
 */
final class RadSecConnectionHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(RadSecConnectionHandler.class);
    private static final Secret RADSEC = Secret.of("radsec", "RFC 6614");

    private final RadSecClientMatcher matcher;
    private final Supplier<ServiceSnapshot> snapshots;
    private final RequestProcessor processor;
    private final RequestProcessor accountingProcessor;
    private final Executor workers;
    private final InFlightLimit inFlight;
    private final ConnectionDuplicates duplicates;
    private ClientConfig client;

    RadSecConnectionHandler(RadSecClientMatcher matcher, Supplier<ServiceSnapshot> snapshots, RequestProcessor processor,
                            RequestProcessor accountingProcessor, Executor workers, InFlightLimit inFlight) {
        this.matcher = matcher;
        this.snapshots = snapshots;
        this.processor = processor;
        this.accountingProcessor = accountingProcessor;
        this.workers = workers;
        this.inFlight = inFlight;
        this.duplicates = new ConnectionDuplicates(snapshots.get().config().server().duplicateWindow().toNanos());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent done && !done.isSuccess()) {
            AuditLog.connectionRefused(remoteAddress(ctx), "tls-handshake-failed", rootMessage(done.cause()));
        } else if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent done && done.isSuccess()) {
            try {
                X509Certificate leaf = (X509Certificate) ctx.pipeline().get(SslHandler.class).engine().getSession()
                        .getPeerCertificates()[0];
                InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
                RadSecClientConfig matched = matcher.match(leaf).orElse(null);
                if (matched == null) {
                    LOG.warn("RadSec connection from {} refused: certificate {} matches no configured client",
                            remote.getAddress().getHostAddress(), leaf.getSubjectX500Principal().getName());
                    AuditLog.connectionRefused(remote.getAddress().getHostAddress(), "no-matching-client",
                            "certificate " + leaf.getSubjectX500Principal().getName() + " names "
                                    + RadSecClientMatcher.names(leaf) + " match no configured federation client");
                    ctx.close();
                    return;
                }
                client = new ClientConfig(matched.name(), IpRange.parse(remote.getAddress().getHostAddress()), RADSEC,
                        matched.operator(), false, ClientRole.FEDERATION);
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                AuditLog.connectionRefused(remoteAddress(ctx), "no-client-certificate", e.getMessage());
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        if (client == null) {
            ctx.close();
            return;
        }
        byte[] data = ByteBufUtil.getBytes(frame);
        if (!(PacketDecoder.decode(data) instanceof DecodeResult.Decoded decoded)) {
            return;
        }
        InboundRequest request = new InboundRequest(snapshots.get(), client, decoded.packet(), decoded.wire(),
                (InetSocketAddress) ctx.channel().remoteAddress(), (InetSocketAddress) ctx.channel().localAddress(),
                System.nanoTime());
        PacketCode code = decoded.packet().code();
        if (code == PacketCode.STATUS_SERVER) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(reply(request, PacketCode.ACCESS_ACCEPT, List.of())));
            return;
        }
        if (code != PacketCode.ACCESS_REQUEST && code != PacketCode.ACCOUNTING_REQUEST) {
            return;
        }
        int id = decoded.packet().identifier();
        byte[] authenticator = decoded.packet().authenticator();
        switch (duplicates.arrive(id, authenticator, System.nanoTime())) {
            case IN_PROGRESS -> {
                return;
            }
            case ANSWERED -> {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(duplicates.reply(id)));
                return;
            }
            case NEW -> {
            }
        }
        if (!inFlight.tryAcquire(client.name())) {
            duplicates.forget(id, authenticator);
            return;
        }
        try {
            workers.execute(() -> decideAndReply(ctx, request));
        } catch (RuntimeException rejected) {
            inFlight.release();
            duplicates.forget(id, authenticator);
        }
    }

    private void decideAndReply(ChannelHandlerContext ctx, InboundRequest request) {
        Decision decision = null;
        try {
            // RFC 6614 2.3: one connection carries authentication and accounting alike
            decision = (request.packet().code() == PacketCode.ACCOUNTING_REQUEST ? accountingProcessor : processor)
                    .process(request);
        } catch (RuntimeException e) {
            LOG.error("processing a RadSec request from client {} failed; no reply sent", request.client().name(), e);
        } finally {
            inFlight.release();
        }
        byte[] octets = decision instanceof Decision.Reply reply
                ? reply(request, reply.code(), reply.attributes()) : null;
        int id = request.packet().identifier();
        byte[] authenticator = request.packet().authenticator();
        ctx.executor().execute(() -> {
            if (octets == null) {
                duplicates.forget(id, authenticator);
                return;
            }
            duplicates.answered(id, authenticator, octets, System.nanoTime());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(octets));
        });
    }

    private static String remoteAddress(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static byte[] reply(InboundRequest request, PacketCode code, List<RadiusAttribute> attributes) {
        List<RadiusAttribute> all = new ArrayList<>(attributes);
        all.addAll(request.packet().all(AttributeType.PROXY_STATE));
        return PacketEncoder.encodeResponse(code, request.packet().identifier(), request.packet().authenticator(), all,
                RADSEC.bytes(), true);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("RadSec connection from {} closed: {}", ctx.channel().remoteAddress(), cause.getMessage());
        ctx.close();
    }
}
