package nl.govroam.ldap;

import java.util.List;

/**
 * The user entry the search found.
 *
 * @param dn       its DN, as the directory spells it
 * @param memberOf its {@code memberOf} values (empty when not requested)
 */
record UserEntry(String dn, List<String> memberOf) {
    UserEntry {
        memberOf = List.copyOf(memberOf);
    }
}
