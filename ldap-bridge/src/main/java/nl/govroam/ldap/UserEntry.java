package nl.govroam.ldap;

import java.util.List;

/**
 * The user entry the search found.
 *
 * @param dn       its DN, as the directory spells it
 * @param memberOf its {@code memberOf} values (empty when not requested)
 * @param ntHash   the value of the NT hash attribute, when configured and present
 */
record UserEntry(String dn, List<String> memberOf, java.util.Optional<NtHash> ntHash) {
    UserEntry {
        memberOf = List.copyOf(memberOf);
    }

    UserEntry(String dn, List<String> memberOf) {
        this(dn, memberOf, java.util.Optional.empty());
    }
}
