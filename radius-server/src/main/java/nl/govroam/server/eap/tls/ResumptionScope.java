package nl.govroam.server.eap.tls;

import java.util.Optional;

/**
 * Which cached TLS sessions one conversation may resume: those of the same EAP type against the same directory,
 * from the server's {@link SessionCache}; none when resumption is off.
 *
 * @param cache     the cache, empty when resumption is off
 * @param directory the directory of the conversation's realm
 */
public record ResumptionScope(Optional<SessionCache> cache, String directory) {
    /** Resumption off: every handshake is a full one and no session is kept. */
    public static final ResumptionScope NONE = new ResumptionScope(Optional.empty(), "");

    boolean admits(CachedAuthorization cached, int eapType) {
        return cached.eapType() == eapType && cached.directory().equals(directory);
    }
}
