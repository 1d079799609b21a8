package nl.govroam.server.eap;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.ldap.LoginName;

/**
 * What an inner method asks of the user's directory, after the identity rules: a password check (TTLS/PAP), an
 * account with its NT hash (MSCHAPv2), or an account named by a certificate (EAP-TLS). One per request. Never
 * blocks: each answer is a stage that the directory completes (on its event loop for LDAP), so a round may wait for
 * the directory on the event loop without holding a thread. The stages never complete exceptionally.
 */
public final class AccountCheck {
    private final DirectoryAuthenticator directory;
    private final String outerIdentity;

    /** The directory's answer for the inner identity. */
    public sealed interface Verdict {
    }

    public record Accepted(AuthOutcome.Accepted account) implements Verdict {
    }

    public record Refused(String reason, String detail) implements Verdict {
    }

    public record Unavailable(String why) implements Verdict {
    }

    public AccountCheck(DirectoryAuthenticator directory, String outerIdentity) {
        this.directory = directory;
        this.outerIdentity = outerIdentity;
    }

    /** TTLS/PAP: bind as the user. The password is cleared after use. */
    public CompletionStage<Verdict> password(String inner, char[] password) {
        try {
            Optional<IdentityRules.Refusal> refusal = IdentityRules.check(outerIdentity, inner);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(new Refused(refusal.get().reason(), refusal.get().detail()));
            }
            // the directory copies the password before it returns
            return directory.authenticateAsync(login(inner), password).thenApply(AccountCheck::verdict);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** MSCHAPv2: the account and its NT hash; refused with a clear reason when the directory has none. */
    public CompletionStage<Verdict> withNtHash(String inner) {
        Optional<IdentityRules.Refusal> refusal = IdentityRules.check(outerIdentity, inner);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Refused(refusal.get().reason(), refusal.get().detail()));
        }
        if (!directory.providesNtHash()) {
            return CompletableFuture.completedFuture(new Refused("no-nt-hash", "directory " + directory.name()
                    + " has no nt-hash-attribute: MSCHAPv2 (PEAP, TTLS/MSCHAPv2) needs NT hashes, which Active "
                    + "Directory does not give over LDAP; use EAP-TTLS/PAP"));
        }
        return directory.lookupAsync(login(inner)).thenApply(outcome -> {
            Verdict v = verdict(outcome);
            if (v instanceof Accepted a && a.account().ntHash().isEmpty()) {
                return new Refused("no-nt-hash", "the entry of " + inner + " has no usable NT hash value");
            }
            return v;
        });
    }

    /** EAP-TLS: the account the certificate names must exist and be enabled. */
    public CompletionStage<Verdict> certificate(String identity) {
        Optional<IdentityRules.Refusal> refusal = IdentityRules.check(outerIdentity, identity);
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Refused(refusal.get().reason(), refusal.get().detail()));
        }
        return directory.lookupAsync(login(identity)).thenApply(AccountCheck::verdict);
    }

    /** A resumed TLS session: the account it was authorised for must still exist and be enabled (no password). */
    public CompletionStage<Verdict> stillEnabled(String identity) {
        return certificate(identity);
    }

    /** The directory login: the inner user part, and the inner realm or else the outer one. */
    LoginName login(String inner) {
        String realm = IdentityRules.realmPart(inner);
        return new LoginName(IdentityRules.userPart(inner), realm.isEmpty() ? IdentityRules.realmPart(outerIdentity) : realm);
    }

    private static Verdict verdict(AuthOutcome outcome) {
        return switch (outcome) {
            case AuthOutcome.Accepted a -> new Accepted(a);
            case AuthOutcome.Rejected r -> new Refused(r.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    r.detail());
            case AuthOutcome.Unavailable u -> new Unavailable(u.reason());
        };
    }
}
