package nl.govroam.server.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One structured record per final decision on the {@code govroam.audit} logger, as SLF4J key-value pairs:
 * {@code config/logback.xml} writes them as one JSON object per line (logstash-logback-encoder's
 * {@code keyValuePairs} provider) to daily files kept six months (federation-rules.md 11). The inner identity is
 * present only where we are the identity provider; never a password, secret or key.
 */
public final class AuditLog implements AuthEventListener {
    static final String LOGGER = "govroam.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void onDecision(AuthEvent e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LoggingEventBuilder record = LOG.atInfo()
                .addKeyValue("time", e.time().toString())
                .addKeyValue("type", "auth")
                .addKeyValue("client", e.client())
                .addKeyValue("client_address", e.clientAddress())
                .addKeyValue("client_role", e.clientRole() == null ? null : e.clientRole().name().toLowerCase(java.util.Locale.ROOT))
                .addKeyValue("user_name", e.outerUserName())
                .addKeyValue("inner_identity", e.innerIdentity())
                .addKeyValue("realm", e.realm())
                .addKeyValue("calling_station_id", e.callingStationId())
                .addKeyValue("chargeable_user_identity", e.cui())
                .addKeyValue("operator_name", e.operatorName())
                .addKeyValue("method", e.method())
                .addKeyValue("tls_version", e.tlsVersion())
                .addKeyValue("route", e.route())
                .addKeyValue("result", e.result().code())
                .addKeyValue("reason", e.reason())
                .addKeyValue("detail", e.detail() == null || e.detail().isEmpty() ? null : e.detail())
                .addKeyValue("latency_ms", e.latencyMicros() / 1000.0);
        record.log("auth decision");
    }

    /**
     * One record for a refused inbound TLS (RadSec) connection: who, and why (the handshake failed, or the
     * certificate matches no configured federation client).
     */
    public static void connectionRefused(String clientAddress, String reason, String detail) {
        LOG.atWarn()
                .addKeyValue("time", java.time.Instant.now().toString())
                .addKeyValue("type", "radsec-refused")
                .addKeyValue("client_address", clientAddress)
                .addKeyValue("reason", reason)
                .addKeyValue("detail", detail)
                .log("RadSec connection refused");
    }
}
