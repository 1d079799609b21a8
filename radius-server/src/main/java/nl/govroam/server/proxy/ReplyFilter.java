package nl.govroam.server.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.MicrosoftAttributes;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.transport.InboundRequest;

/**
 * What of a peer's reply reaches our client (federation-rules.md 13): Proxy-State and Message-Authenticator are
 * removed (the transport adds the client's own); VLAN and other Tunnel-* attributes, Filter-Id and vendor attributes
 * from the foreign side are removed, except the MS-MPPE keys, which are decrypted with the peer's secret and
 * encrypted again for the client; EAP-Message, State, Class, Session-Timeout, CUI and the rest pass. An accepted
 * visitor gets the site's visitor VLAN when one is configured.
 */
final class ReplyFilter {
    /** Tunnel-Type .. Tunnel-Client-Auth-ID and Tunnel-Server-Auth-ID (RFC 2868, RFC 2867). */
    private static final int[] TUNNEL = {64, 65, 66, 67, 68, 69, 81, 82, 83, 90, 91};

    private ReplyFilter() {
    }

    static List<RadiusAttribute> filter(PeerAnswer answer, byte[] peerSecret, InboundRequest request,
                                        Optional<String> visitorVlan) {
        List<RadiusAttribute> out = new ArrayList<>();
        byte[] clientSecret = request.client().secret().bytes();
        for (RadiusAttribute a : answer.packet().attributes()) {
            int type = a.type();
            if (type == AttributeType.PROXY_STATE || type == AttributeType.MESSAGE_AUTHENTICATOR
                    || type == AttributeType.FILTER_ID || isTunnel(type)) {
                continue;
            }
            if (type == AttributeType.VENDOR_SPECIFIC) {
                if (MicrosoftAttributes.isMppeKey(a)) {
                    MicrosoftAttributes.reencrypt(a, answer.requestAuthenticator(), peerSecret,
                            request.packet().authenticator(), clientSecret).ifPresent(out::add);
                }
                continue;
            }
            out.add(a);
        }
        if (answer.packet().code() == PacketCode.ACCESS_ACCEPT && request.client().role() == ClientRole.NAS) {
            visitorVlan.ifPresent(vlan -> {
                out.add(RadiusAttribute.ofTaggedInt(AttributeType.TUNNEL_TYPE, 0, AttributeType.TUNNEL_TYPE_VLAN));
                out.add(RadiusAttribute.ofTaggedInt(AttributeType.TUNNEL_MEDIUM_TYPE, 0, AttributeType.TUNNEL_MEDIUM_IEEE_802));
                out.add(RadiusAttribute.ofString(AttributeType.TUNNEL_PRIVATE_GROUP_ID, vlan));
            });
        }
        return out;
    }

    private static boolean isTunnel(int type) {
        for (int t : TUNNEL) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }
}
