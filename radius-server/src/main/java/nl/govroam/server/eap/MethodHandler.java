package nl.govroam.server.eap;

import java.util.Optional;
import nl.govroam.ldap.AuthOutcome;

/** One method's side of one conversation, round by round. Not thread-safe: the store hands it to one request at a time. */
public interface MethodHandler {

    /** The EAP type it answers. */
    int type();

    /** As logged: {@code EAP-TTLS/PAP} once the inner method is known, else the outer name. */
    String name();

    /** The inner identity, once known. */
    Optional<String> innerIdentity();

    /** The TLS version, once negotiated. */
    Optional<String> tlsVersion();

    /** The type data of the first request (TLS start). */
    byte[] start();

    /**
     * Handles one response's type data. Never throws for bad input. Does not block: a round that needs the
     * directory returns {@link MethodStep.Pending}.
     */
    MethodStep step(byte[] typeData, AccountCheck accounts);

    /**
     * Whether {@link #step} of this response does CPU-heavy work (TLS handshake arithmetic: a signature, a key
     * exchange), which belongs on a worker rather than the event loop.
     */
    default boolean computes(byte[] typeData) {
        return false;
    }

    /** The conversation resumed a cached TLS session instead of running the inner method. */
    default boolean resumed() {
        return false;
    }

    /**
     * Called once the whole method succeeded (inner authentication accepted, account enabled): a TLS-based method
     * keeps its session for resumption, when that is on.
     *
     * @param directory the directory of the realm
     * @param account   the directory's answer the accept is made from
     */
    default void keepForResumption(String directory, AuthOutcome.Accepted account) {
    }

    /** Drops TLS state and keys. */
    void close();
}
