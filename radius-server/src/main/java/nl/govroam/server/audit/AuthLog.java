package nl.govroam.server.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per final decision, on the {@code govroam.auth} logger: time (from the log pattern), client, outer
 * User-Name, realm, Calling-Station-Id, result, reason, latency. Never a password, secret or hash. Values are quoted
 * and control characters escaped, so a hostile User-Name cannot forge a log line.
 */
public final class AuthLog {
    private static final Logger LOG = LoggerFactory.getLogger("govroam.auth");

    /** The final result of an authentication. */
    public enum Result { ACCEPT, REJECT, NO_REPLY }

    private AuthLog() {
    }

    /**
     * @param client           the client's configured name
     * @param userName         the outer User-Name as received (may be null)
     * @param realm            the realm, or empty
     * @param callingStationId the Calling-Station-Id, or null
     * @param result           accept, reject or no-reply
     * @param reason           a short stable reason code, e.g. {@code wrong-password}
     * @param detail           more for the operator (may be empty)
     * @param latencyMicros    from arrival to decision
     */
    public static void decision(String client, String userName, String realm, String callingStationId, Result result,
                                String reason, String detail, long latencyMicros) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder sb = new StringBuilder(192);
        sb.append("result=").append(result.name().toLowerCase().replace('_', '-'));
        field(sb, "client", client);
        field(sb, "user", userName);
        field(sb, "realm", realm);
        field(sb, "csi", callingStationId);
        sb.append(" reason=").append(reason);
        if (detail != null && !detail.isEmpty()) {
            field(sb, "detail", detail);
        }
        sb.append(" latency_ms=").append(String.format(java.util.Locale.ROOT, "%.1f", latencyMicros / 1000.0));
        LOG.info(sb.toString());
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append('=');
        if (value == null) {
            sb.append('-');
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length() && i < 256; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
