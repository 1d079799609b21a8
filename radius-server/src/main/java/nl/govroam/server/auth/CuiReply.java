package nl.govroam.server.auth;

import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.Secret;
import nl.govroam.server.eap.ChargeableUserIdentity;
import nl.govroam.server.transport.InboundRequest;

/**
 * The Chargeable-User-Identity (RFC 4372, federation-rules.md 6) for an Access-Accept we give ourselves, PAP or EAP:
 * only when the request asked (a CUI of one NUL, or a previous value), only in an Accept (never a Reject or
 * Challenge), keyed per realm by {@code eap.cui-keys}: HMAC over the lower-cased identity and the Operator-Name (the
 * request's, else the client's operator), never the user name itself.
 *
 * @param attribute the CUI to add, when one was asked for and a key is configured
 * @param value     the CUI, for the audit record; null when none
 * @param note      why none was added although asked, for the log; empty otherwise
 */
record CuiReply(Optional<RadiusAttribute> attribute, String value, String note) {
    private static final CuiReply NONE = new CuiReply(Optional.empty(), null, "");

    /**
     * @param identity the authenticated identity (the inner one for EAP, the User-Name for PAP)
     * @param realm    its realm, which picks the key
     */
    static CuiReply forAccept(InboundRequest request, String identity, String realm) {
        RadiusPacket packet = request.packet();
        Optional<RadiusAttribute> asked = packet.first(AttributeType.CHARGEABLE_USER_IDENTITY);
        if (asked.isEmpty() || !ChargeableUserIdentity.requested(asked.get().value()) || identity == null) {
            return NONE;
        }
        Optional<Secret> key = request.snapshot().config().eap().flatMap(eap -> eap.cuiKey(realm));
        if (key.isEmpty()) {
            return new CuiReply(Optional.empty(), null, "CUI asked but no eap.cui-keys entry for " + realm);
        }
        String operator = packet.first(AttributeType.OPERATOR_NAME).map(RadiusAttribute::valueAsString)
                .orElse(request.client().operator());
        String cui = ChargeableUserIdentity.of(key.get().bytes(), identity, operator);
        return new CuiReply(Optional.of(RadiusAttribute.ofString(AttributeType.CHARGEABLE_USER_IDENTITY, cui)), cui, "");
    }
}
