package nl.govroam.server.audit;

import java.time.Instant;
import nl.govroam.server.config.ClientRole;

/**
 * One final authentication decision, with everything operators log about it: the auth log line, and later F-ticks
 * and the structured audit record, are all made from this one value. Never holds a password, secret or key.
 *
 * @param time             when the decision was made
 * @param client           the client's configured name
 * @param clientAddress    the client's IP address
 * @param clientRole       nas or federation
 * @param outerUserName    the outer User-Name as received; null when absent
 * @param innerIdentity    the inner (tunnelled) identity for EAP methods that have one; null otherwise
 * @param realm            the realm of the outer identity, or empty
 * @param callingStationId the Calling-Station-Id, or null
 * @param operatorName     the Operator-Name (RFC 5580) of the request, or null
 * @param cui              the Chargeable-User-Identity sent in the reply, or null
 * @param method           PAP, or the EAP method (e.g. {@code EAP-TTLS/PAP}); null when none was tried
 * @param tlsVersion       the TLS version of a TLS-based EAP method once negotiated (e.g. {@code TLSv1.3}); else null
 * @param route            where it was decided: {@code directory:NAME}, {@code local} (routing rejects), ...
 * @param result           accept, reject or no reply
 * @param reason           a short stable reason code, e.g. {@code ok}, {@code wrong-password}, {@code multiple-at}
 * @param detail           more for the operator, may be empty
 * @param latencyMicros    from arrival to decision
 */
public record AuthEvent(
        Instant time,
        String client,
        String clientAddress,
        ClientRole clientRole,
        String outerUserName,
        String innerIdentity,
        String realm,
        String callingStationId,
        String operatorName,
        String cui,
        String method,
        String tlsVersion,
        String route,
        Result result,
        String reason,
        String detail,
        long latencyMicros) {

    /** The final result of an authentication. */
    public enum Result {
        ACCEPT, REJECT, NO_REPLY;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }
    }
}
