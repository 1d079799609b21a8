package nl.govroam.server.proxy;

import java.util.List;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;

/** What proxying a request came to: a peer's reply to relay, or a refusal we answer with an Access-Reject. */
public sealed interface ProxyOutcome {

    /**
     * A peer answered; relay this to the client.
     *
     * @param code       Access-Accept, Access-Reject or Access-Challenge (or Accounting-Response)
     * @param attributes the filtered reply attributes, MS-MPPE keys re-encrypted for the client; no Proxy-State and no
     *                   Message-Authenticator (the transport adds the client's own)
     * @param peer       the peer that answered
     */
    record Relayed(PacketCode code, List<RadiusAttribute> attributes, String peer) implements ProxyOutcome {
        public Relayed {
            attributes = List.copyOf(attributes);
        }
    }

    /**
     * Not proxied, or no peer answered: answered with an Access-Reject and a logged reason, never with silence
     * (radsecproxy#153).
     *
     * @param reason a short stable code, e.g. {@code loop-prevention}, {@code no-peer-alive}
     * @param detail for the operator's log
     */
    record Refused(String reason, String detail) implements ProxyOutcome {
    }
}
