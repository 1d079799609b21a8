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
 * once and never processed further (RFC 5997).
 */
final class RadSecConnectionHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger LOG = LoggerFactory.getLogger(RadSecConnectionHandler.class);
    private static final Secret RADSEC = Secret.of("radsec", "RFC 6614");

    private final RadSecClientMatcher matcher;
    private final Supplier<ServiceSnapshot> snapshots;
    private final RequestProcessor processor;
    private final Executor workers;
    private ClientConfig client;

    RadSecConnectionHandler(RadSecClientMatcher matcher, Supplier<ServiceSnapshot> snapshots, RequestProcessor processor,
                            Executor workers) {
        this.matcher = matcher;
        this.snapshots = snapshots;
        this.processor = processor;
        this.workers = workers;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent done && done.isSuccess()) {
            try {
                X509Certificate leaf = (X509Certificate) ctx.pipeline().get(SslHandler.class).engine().getSession()
                        .getPeerCertificates()[0];
                InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
                RadSecClientConfig matched = matcher.match(leaf).orElse(null);
                if (matched == null) {
                    LOG.warn("RadSec connection from {} refused: certificate {} matches no configured client",
                            remote.getAddress().getHostAddress(), leaf.getSubjectX500Principal().getName());
                    ctx.close();
                    return;
                }
                client = new ClientConfig(matched.name(), IpRange.parse(remote.getAddress().getHostAddress()), RADSEC,
                        matched.operator(), false, ClientRole.FEDERATION);
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
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
        if (code != PacketCode.ACCESS_REQUEST) {
            return;
        }
        workers.execute(() -> {
            Decision decision = processor.process(request);
            if (decision instanceof Decision.Reply reply) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(reply(request, reply.code(), reply.attributes())));
            }
        });
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
