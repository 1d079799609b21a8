package nl.govroam.server.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.RandomOctets;
import nl.govroam.server.codec.UserPasswordCipher;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.transport.InboundRequest;

/**
 * The request as we send it to a peer: the client's attributes in their order, without its Message-Authenticator;
 * User-Password revealed with the client's secret and hidden again for each peer (its secret, our authenticator);
 * CHAP-Challenge added where CHAP relied on the client's authenticator (RFC 2865 5.3); Operator-Name added for our
 * own NASes (RFC 5580, federation-rules.md 5); our Proxy-State last (RFC 2865 5.33); Message-Authenticator first
 * (RFC 5080 2.2.2). The revealed password lives only as long as this object and is cleared by {@link #close}.
 */
final class OutboundRequest implements AutoCloseable {
    private final List<RadiusAttribute> before;
    private final List<RadiusAttribute> after;
    private final char[] password;
    private final byte[] proxyState;
    private volatile boolean closed;

    private OutboundRequest(List<RadiusAttribute> before, List<RadiusAttribute> after, char[] password, byte[] proxyState) {
        this.before = before;
        this.after = after;
        this.password = password;
        this.proxyState = proxyState;
    }

    /** Empty when the User-Password cannot be revealed (a wrong length). */
    static Optional<OutboundRequest> of(InboundRequest request, boolean addOperatorName) {
        RadiusPacket packet = request.packet();
        List<RadiusAttribute> before = new ArrayList<>();
        List<RadiusAttribute> after = new ArrayList<>();
        char[] password = null;
        for (RadiusAttribute a : packet.attributes()) {
            if (a.type() == AttributeType.MESSAGE_AUTHENTICATOR) {
                continue;
            }
            if (a.type() == AttributeType.USER_PASSWORD && password == null) {
                Optional<char[]> revealed = UserPasswordCipher.reveal(a.value(), packet.authenticator(),
                        request.client().secret().bytes());
                if (revealed.isEmpty()) {
                    return Optional.empty();
                }
                password = revealed.get();
                continue;
            }
            (password == null ? before : after).add(a);
        }
        if (packet.has(AttributeType.CHAP_PASSWORD) && !packet.has(AttributeType.CHAP_CHALLENGE)) {
            after.add(new RadiusAttribute(AttributeType.CHAP_CHALLENGE, packet.authenticator()));
        }
        if (addOperatorName && request.client().role() == ClientRole.NAS && !packet.has(AttributeType.OPERATOR_NAME)) {
            after.add(new RadiusAttribute(AttributeType.OPERATOR_NAME,
                    ("1" + request.client().operator()).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] proxyState = RandomOctets.of(8);
        after.add(new RadiusAttribute(AttributeType.PROXY_STATE, proxyState));
        return Optional.of(new OutboundRequest(before, after, password, proxyState));
    }

    /** RFC 2865 5.33: the peer echoes every Proxy-State in order; ours was added last. */
    boolean echoedBy(PeerAnswer answer) {
        return PoolFailover.endsWithOurProxyState(answer, proxyState);
    }

    /** True once {@link #close} has run and the revealed password is all zeros. */
    boolean cleared() {
        if (!closed) {
            return false;
        }
        if (password != null) {
            for (char c : password) {
                if (c != '\0') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The encoder for one peer: hides the password with that peer's secret and the chosen authenticator. Encoding after
     * {@link #close} fails (the request was given up before its transport got to send it), so a cleared password is
     * never sent.
     */
    RequestEncoder encoderFor(byte[] peerSecret) {
        return (identifier, authenticator) -> {
            if (closed) {
                throw new IllegalStateException("request given up before it was sent");
            }
            List<RadiusAttribute> attributes = new ArrayList<>(before.size() + after.size() + 1);
            attributes.addAll(before);
            if (password != null) {
                attributes.add(new RadiusAttribute(AttributeType.USER_PASSWORD,
                        UserPasswordCipher.hide(password, authenticator, peerSecret)));
            }
            attributes.addAll(after);
            return PacketEncoder.encodeRequest(nl.govroam.server.codec.PacketCode.ACCESS_REQUEST, identifier,
                    authenticator, attributes, peerSecret, true);
        };
    }

    @Override
    public void close() {
        closed = true;
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
