package nl.govroam.ldap;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the groups of a found user mean: disabled, not in the required group, or accepted with the VLAN of the
 * first matching mapping. DNs are compared normalised ({@link DnNames}).
 */
final class AccountPolicy {
    private final Optional<String> disabledGroup;
    private final Optional<String> requiredGroup;
    private final List<VlanMapping> vlans;

    AccountPolicy(DirectorySettings settings) {
        this.disabledGroup = settings.disabledGroupDn().map(DnNames::normalize);
        this.requiredGroup = settings.requiredGroupDn().map(DnNames::normalize);
        this.vlans = settings.vlans().stream()
                .map(mapping -> new VlanMapping(DnNames.normalize(mapping.groupDn()), mapping.vlan()))
                .toList();
    }

    AuthOutcome decide(String userDn, List<String> groups, boolean matchesDisabledFilter) {
        Set<String> memberships = groups.stream().map(DnNames::normalize).collect(Collectors.toSet());
        if (disabledGroup.isPresent() && memberships.contains(disabledGroup.get())) {
            return new AuthOutcome.Rejected(RejectReason.DISABLED, userDn + " is in the disabled group");
        }
        if (matchesDisabledFilter) {
            return new AuthOutcome.Rejected(RejectReason.DISABLED, userDn + " matches the disabled filter");
        }
        if (requiredGroup.isPresent() && !memberships.contains(requiredGroup.get())) {
            return new AuthOutcome.Rejected(RejectReason.NOT_IN_REQUIRED_GROUP,
                    userDn + " is not in the required group");
        }
        Optional<String> vlan = vlans.stream()
                .filter(mapping -> memberships.contains(mapping.groupDn()))
                .map(VlanMapping::vlan)
                .findFirst();
        return new AuthOutcome.Accepted(userDn, groups, vlan);
    }
}
