package nl.govroam.server.transport;

import java.util.ArrayList;
import java.util.List;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;

/** Turns a decision into the reply's octets, signed with the client's secret. */
final class ReplyEncoder {
    private ReplyEncoder() {
    }

    /**
     * Encodes the reply to {@code request}: its attributes, then the request's Proxy-State attributes in their order
     * (RFC 2865 5.33); Message-Authenticator first in every Access-Accept/Reject/Challenge, and in a Status-Server's
     * Accounting-Response.
     */
    static byte[] encode(InboundRequest request, PacketCode code, List<RadiusAttribute> attributes) {
        List<RadiusAttribute> all = new ArrayList<>(attributes.size() + 2);
        all.addAll(attributes);
        all.addAll(request.packet().all(AttributeType.PROXY_STATE));
        boolean messageAuthenticator = code != PacketCode.ACCOUNTING_RESPONSE
                || request.packet().code() == PacketCode.STATUS_SERVER;
        return PacketEncoder.encodeResponse(code, request.packet().identifier(), request.packet().authenticator(),
                all, request.client().secret().bytes(), messageAuthenticator);
    }
}
