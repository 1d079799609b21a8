package nl.govroam.server.audit;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One human-readable line per final decision, on the {@code govroam.auth} logger: client, outer User-Name, inner
 * identity and CUI when there are any, realm, Calling-Station-Id, method and TLS version, result, reason, latency (the
 * time comes from the log pattern). Values are quoted and control
 * characters escaped, so a hostile User-Name cannot forge a log line.
 */
public final class AuthLog implements AuthEventListener {
    private static final Logger LOG = LoggerFactory.getLogger("govroam.auth");

    @Override
    public void onDecision(AuthEvent e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder sb = new StringBuilder(192);
        sb.append("result=").append(e.result().code());
        field(sb, "client", e.client());
        field(sb, "user", e.outerUserName());
        if (e.innerIdentity() != null) {
            field(sb, "inner", e.innerIdentity());
        }
        if (e.cui() != null) {
            field(sb, "cui", e.cui());
        }
        field(sb, "realm", e.realm());
        field(sb, "csi", e.callingStationId());
        if (e.method() != null) {
            sb.append(" method=").append(e.method());
        }
        if (e.tlsVersion() != null) {
            sb.append(" tls=").append(e.tlsVersion());
        }
        sb.append(" route=").append(e.route());
        sb.append(" reason=").append(e.reason());
        if (e.detail() != null && !e.detail().isEmpty()) {
            field(sb, "detail", e.detail());
        }
        sb.append(" latency_ms=");
        appendMillis(sb, e.latencyMicros());
        LOG.info(sb.toString());
    }

    /**
     * Microseconds as milliseconds with one decimal, rounded half up: what {@code String.format("%.1f")} printed,
     * without a Formatter per line.
     */
    static void appendMillis(StringBuilder sb, long micros) {
        if (micros < 0) {
            sb.append(String.format(Locale.ROOT, "%.1f", micros / 1000.0));
            return;
        }
        long tenths = (micros + 50) / 100;
        sb.append(tenths / 10).append('.').append(tenths % 10);
    }

    static void field(StringBuilder sb, String name, String value) {
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
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
