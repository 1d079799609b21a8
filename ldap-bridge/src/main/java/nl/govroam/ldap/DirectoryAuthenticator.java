package nl.govroam.ldap;

import java.util.List;

/**
 * One municipality's directory. Calls block (directory round trips): never call them on an event loop.
 * Every call returns within the configured bounds (pool wait + connect + operation timeouts).
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
