package nl.govroam.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import nl.govroam.server.codec.Authenticators;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.MessageAuthenticatorCheck;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusPacket;

/**
 * Lets through only requests that prove they know the client's secret, with the BlastRADIUS (CVE-2024-3596) rules:
 * <ul>
 * <li>a Message-Authenticator that is present must be valid;</li>
 * <li>it is required on Status-Server (RFC 5997 3), with EAP-Message (RFC 3579 3.2), and on every Access-Request
 *     from a client with {@code require-message-authenticator} (the default);</li>
 * <li>without it, a request carrying Proxy-State is dropped (limit-proxy-state: always on);</li>
 * <li>Accounting-Request must carry a valid Request Authenticator (RFC 2866 3).</li>
 * </ul>
 * Nothing dropped here touches the duplicate cache.
 */
@ChannelHandler.Sharable
final class RequestAuthenticityFilter extends SimpleChannelInboundHandler<InboundRequest> {
    private final TransportCounters counters;
    private final RateLimitedLog dropLog;

    RequestAuthenticityFilter(TransportCounters counters, RateLimitedLog dropLog) {
        this.counters = counters;
        this.dropLog = dropLog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundRequest request) {
        RadiusPacket packet = request.packet();
        if (packet.code() == PacketCode.ACCESS_REQUEST) {
            counters.countAccessRequest(request.client().name(), packet.has(AttributeType.MESSAGE_AUTHENTICATOR),
                    packet.has(AttributeType.PROXY_STATE));
        }
        DropReason reason = check(request);
        if (reason == null) {
            ctx.fireChannelRead(request);
            return;
        }
        counters.countDrop(reason);
        dropLog.warn(reason.code() + ":" + request.client().name(), "dropped " + request.packet().code()
                + " from client " + request.client().name() + " (" + request.sender().getAddress().getHostAddress()
                + "): " + reason.description());
    }

    private static DropReason check(InboundRequest request) {
        byte[] secret = request.client().secret().bytes();
        RadiusPacket packet = request.packet();
        MessageAuthenticatorCheck ma = Authenticators.checkRequest(request.wire(), secret);
        if (ma == MessageAuthenticatorCheck.INVALID) {
            return DropReason.BAD_AUTHENTICATOR;
        }
        if (packet.code() == PacketCode.ACCOUNTING_REQUEST) {
            return Authenticators.accountingRequestValid(request.wire(), secret) ? null : DropReason.BAD_AUTHENTICATOR;
        }
        if (ma == MessageAuthenticatorCheck.VALID) {
            return null;
        }
        if (packet.code() == PacketCode.STATUS_SERVER || packet.has(AttributeType.EAP_MESSAGE)
                || request.client().requireMessageAuthenticator()) {
            return DropReason.MISSING_MESSAGE_AUTHENTICATOR;
        }
        if (packet.has(AttributeType.PROXY_STATE)) {
            return DropReason.PROXY_STATE_WITHOUT_MESSAGE_AUTHENTICATOR;
        }
        return null;
    }
}
