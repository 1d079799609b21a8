package nl.govroam.ldap;

import java.util.Objects;

/** Members of {@code groupDn} get VLAN {@code vlan}; the first mapping in configured order that matches wins. */
public record VlanMapping(String groupDn, String vlan) {
    public VlanMapping {
        Objects.requireNonNull(groupDn, "groupDn");
        Objects.requireNonNull(vlan, "vlan");
    }
}
