package nl.govroam.ldap;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One municipality's directory. {@link #authenticate} and {@link #lookup} block (directory round trips): never call
 * them on an event loop; {@link #authenticateAsync} and {@link #lookupAsync} may be called anywhere. Every call
 * returns within the configured bounds (pool wait + connect + operation timeouts per server tried).
 * Thread-safe.
 */
public interface DirectoryAuthenticator extends AutoCloseable {

    /** The configured name of this directory. */
    String name();

    /**
     * Finds the user with the service account, checks the password by binding as the user
     * (on a connection used only for user binds), then checks the disabled group/filter and the required group.
     * The password array is not kept and not logged.
     */
    AuthOutcome authenticate(LoginName login, char[] password);

    /**
     * Finds the user and checks disabled/required group, without a password (for EAP-TLS, where the
     * certificate proved who it is).
     */
    AuthOutcome lookup(LoginName login);

    /**
     * {@link #authenticate} without blocking the caller: may be called on an event loop. The password is read (or
     * copied) before this returns, so the caller may clear its array at once. The stage never completes
     * exceptionally: failures are {@link AuthOutcome.Unavailable}. It may complete on an I/O thread: dependent
     * actions must not block.
     */
    default CompletionStage<AuthOutcome> authenticateAsync(LoginName login, char[] password) {
        char[] copy = password == null ? null : password.clone();
        CompletableFuture<AuthOutcome> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("directory-" + name()).start(() -> {
            try {
                outcome.complete(authenticate(login, copy));
            } catch (RuntimeException | Error e) {
                outcome.complete(new AuthOutcome.Unavailable("internal error in directory " + name() + ": "
                        + e.getClass().getSimpleName()));
            } finally {
                if (copy != null) {
                    Arrays.fill(copy, '\0');
                }
            }
        });
        return outcome;
    }

    /** {@link #lookup} without blocking the caller, with the same completion rules as {@link #authenticateAsync}. */
    default CompletionStage<AuthOutcome> lookupAsync(LoginName login) {
        CompletableFuture<AuthOutcome> outcome = new CompletableFuture<>();
        Thread.ofVirtual().name("directory-" + name()).start(() -> {
            try {
                outcome.complete(lookup(login));
            } catch (RuntimeException | Error e) {
                outcome.complete(new AuthOutcome.Unavailable("internal error in directory " + name() + ": "
                        + e.getClass().getSimpleName()));
            }
        });
        return outcome;
    }

    /**
     * Whether {@link #lookup} returns the user's NT hash (an NT hash attribute is configured), which MSCHAPv2
     * needs. Active Directory does not give NT hashes over LDAP, so its directories say no.
     */
    default boolean providesNtHash() {
        return false;
    }

    /** The state of each configured server, in configured order. */
    List<ServerHealth> health();

    /** Stops probes and closes every connection. */
    @Override
    void close();
}
