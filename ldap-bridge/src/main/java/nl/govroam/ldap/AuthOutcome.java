package nl.govroam.ldap;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a directory, as a value: every path is logged once and counted once by the caller.
 * Exceptions are for programming errors only.
 */
public sealed interface AuthOutcome {

    /**
     * The person exists, is enabled, and (for {@link DirectoryAuthenticator#authenticate}) the password is right.
     *
     * @param userDn the entry's DN
     * @param groups the DNs of the groups the user is a member of (as the directory spells them)
     * @param vlan   the VLAN of the first configured group mapping the user is in, if any
     * @param ntHash the user's NT hash, when the directory has an NT hash attribute configured and the entry has
     *               a value (for MSCHAPv2); never printed
     */
    record Accepted(String userDn, List<String> groups, Optional<String> vlan, Optional<NtHash> ntHash)
            implements AuthOutcome {
        public Accepted {
            Objects.requireNonNull(userDn, "userDn");
            groups = List.copyOf(groups);
            Objects.requireNonNull(vlan, "vlan");
            Objects.requireNonNull(ntHash, "ntHash");
        }

        public Accepted(String userDn, List<String> groups, Optional<String> vlan) {
            this(userDn, groups, vlan, Optional.empty());
        }
    }

    /** The directory answered and said no. {@code detail} is for the log: never a password. */
    record Rejected(RejectReason reason, String detail) implements AuthOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * No answer could be had: every server down or timing out, the pool exhausted, or the service
     * account's bind refused. The caller decides by policy (no reply to a NAS, a reject to a federation peer).
     */
    record Unavailable(String reason) implements AuthOutcome {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
