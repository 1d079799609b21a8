package nl.govroam.server.auth;

import java.util.List;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.RadiusAttribute;

/** The three attributes that put a user on a VLAN (RFC 3580 3.31, RFC 2868). */
final class VlanAttributes {
    private VlanAttributes() {
    }

    static List<RadiusAttribute> of(String vlan) {
        return List.of(
                RadiusAttribute.ofTaggedInt(AttributeType.TUNNEL_TYPE, 0, AttributeType.TUNNEL_TYPE_VLAN),
                RadiusAttribute.ofTaggedInt(AttributeType.TUNNEL_MEDIUM_TYPE, 0, AttributeType.TUNNEL_MEDIUM_IEEE_802),
                RadiusAttribute.ofString(AttributeType.TUNNEL_PRIVATE_GROUP_ID, vlan));
    }
}
