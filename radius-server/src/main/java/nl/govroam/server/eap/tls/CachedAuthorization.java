package nl.govroam.server.eap.tls;

import java.util.Objects;
import nl.govroam.ldap.AuthOutcome;

/**
 * What a whole successful EAP authentication leaves for a later resumption of its TLS session: the method and
 * where the user lives, who was authenticated and the account as it was then. Kept only after the method
 * succeeded; never holds a password or NT hash.
 *
 * @param eapType   the outer EAP type (a session resumes only in the same method)
 * @param directory the directory of the realm (a session resumes only against the same directory)
 * @param method    as logged, e.g. {@code EAP-TTLS/PAP}
 * @param identity  the inner identity, or the certificate's for EAP-TLS
 * @param account   the directory's answer at the full authentication (DN, groups, VLAN)
 */
public record CachedAuthorization(int eapType, String directory, String method, String identity,
                                  AuthOutcome.Accepted account) {
    public CachedAuthorization {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(identity, "identity");
        account = new AuthOutcome.Accepted(account.userDn(), account.groups(), account.vlan());
    }
}
