package nl.govroam.server.accounting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.proxy.Federation;
import nl.govroam.server.proxy.ProxyOutcome;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.Decision;
import nl.govroam.server.transport.DropReason;
import nl.govroam.server.transport.InboundRequest;
import nl.govroam.server.transport.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an Accounting-Request and answers it once the record is durable. Records of our realms go to that realm's
 * file; every other realm (visitors, bad or missing realms) is recorded in {@code other-realms.jsonl} and answered
 * locally, never forwarded (eduroam practice, RFC 7593 5), unless {@code federation.forward-accounting} is on: then a
 * foreign realm's record from one of our NASes is also forwarded to its pool, and the NAS is answered once a peer has
 * answered, or once every peer of the pool stayed silent (the record is durable here either way, so the NAS is
 * answered rather than left retrying into a dead federation).
 */
public final class AccountingProcessor implements RequestProcessor {
    static final String OTHER_REALMS = "other-realms";
    private static final Logger LOG = LoggerFactory.getLogger(AccountingProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STATUS_NAMES = {null, "Start", "Stop", "Interim-Update", null, null, null,
        "Accounting-On", "Accounting-Off"};

    private final AccountingRecorder recorder;
    private final Federation federation;

    public AccountingProcessor(AccountingRecorder recorder) {
        this(recorder, null);
    }

    /** @param federation where foreign accounting goes when forwarding is on; null when not running */
    public AccountingProcessor(AccountingRecorder recorder, Federation federation) {
        this.recorder = recorder;
        this.federation = federation;
    }

    @Override
    public Decision process(InboundRequest request) {
        RadiusPacket packet = request.packet();
        String userName = packet.string(AttributeType.USER_NAME).orElse(null);
        String file = OTHER_REALMS;
        String realm = null;
        Route route = userName == null ? null : request.snapshot().router().route(userName);
        if (route instanceof Route.Local local) {
            file = local.realm().toLowerCase(java.util.Locale.ROOT);
            realm = local.nai().realm();
        }
        try {
            recorder.append(file, toJson(request, userName, realm));
            if (route instanceof Route.Proxy proxy && forwarding(request)) {
                forward(request, proxy);
            }
            return Decision.Reply.now(PacketCode.ACCOUNTING_RESPONSE, List.of());
        } catch (IOException e) {
            LOG.error("accounting record from client {} could not be written to {}: {}; not answered, the NAS will retry",
                    request.client().name(), file, e.toString());
            return new Decision.Silence(DropReason.ACCOUNTING_NOT_DURABLE);
        }
    }

    private boolean forwarding(InboundRequest request) {
        return federation != null && request.snapshot().config().federation().forwardAccounting()
                && request.client().role() == ClientRole.NAS;
    }

    private void forward(InboundRequest request, Route.Proxy route) {
        switch (federation.forwardAccounting(request, route)) {
            case ProxyOutcome.Relayed relayed -> LOG.debug("accounting from client {} forwarded to peer {}",
                    request.client().name(), relayed.peer());
            case ProxyOutcome.Refused refused -> LOG.warn("accounting from client {} for realm {} not forwarded ({}: {});"
                    + " recorded here and answered", request.client().name(), route.nai().realm(), refused.reason(),
                    refused.detail());
        }
    }

    private static String toJson(InboundRequest request, String userName, String realm) throws JsonProcessingException {
        RadiusPacket p = request.packet();
        ObjectNode o = JSON.createObjectNode();
        o.put("time", Instant.now().toString());
        o.put("client", request.client().name());
        o.put("client_address", request.sender().getAddress().getHostAddress());
        o.put("user_name", userName);
        o.put("realm", realm);
        p.first(AttributeType.ACCT_STATUS_TYPE).map(AccountingProcessor::status).ifPresent(s -> o.put("status", s));
        string(o, p, "session_id", AttributeType.ACCT_SESSION_ID);
        string(o, p, "calling_station_id", AttributeType.CALLING_STATION_ID);
        string(o, p, "called_station_id", AttributeType.CALLED_STATION_ID);
        string(o, p, "nas_identifier", AttributeType.NAS_IDENTIFIER);
        p.first(AttributeType.NAS_IP_ADDRESS).map(AccountingProcessor::ipv4).ifPresent(v -> o.put("nas_ip_address", v));
        p.first(AttributeType.FRAMED_IP_ADDRESS).map(AccountingProcessor::ipv4).ifPresent(v -> o.put("framed_ip_address", v));
        number(o, p, "session_time", AttributeType.ACCT_SESSION_TIME);
        number(o, p, "input_octets", AttributeType.ACCT_INPUT_OCTETS);
        number(o, p, "output_octets", AttributeType.ACCT_OUTPUT_OCTETS);
        number(o, p, "input_packets", AttributeType.ACCT_INPUT_PACKETS);
        number(o, p, "output_packets", AttributeType.ACCT_OUTPUT_PACKETS);
        number(o, p, "terminate_cause", AttributeType.ACCT_TERMINATE_CAUSE);
        number(o, p, "delay_time", AttributeType.ACCT_DELAY_TIME);
        string(o, p, "chargeable_user_identity", AttributeType.CHARGEABLE_USER_IDENTITY);
        string(o, p, "operator_name", AttributeType.OPERATOR_NAME);
        return JSON.writeValueAsString(o);
    }

    private static String status(RadiusAttribute a) {
        long v = unsigned(a);
        return v >= 0 && v < STATUS_NAMES.length && STATUS_NAMES[(int) v] != null ? STATUS_NAMES[(int) v] : String.valueOf(v);
    }

    private static void string(ObjectNode o, RadiusPacket p, String name, int type) {
        p.string(type).ifPresent(v -> o.put(name, v));
    }

    private static void number(ObjectNode o, RadiusPacket p, String name, int type) {
        p.first(type).filter(a -> a.value().length == 4).ifPresent(a -> o.put(name, unsigned(a)));
    }

    private static long unsigned(RadiusAttribute a) {
        byte[] v = a.value();
        if (v.length != 4) {
            return -1;
        }
        return ((long) (v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
    }

    private static String ipv4(RadiusAttribute a) {
        byte[] v = a.value();
        return v.length == 4 ? (v[0] & 0xFF) + "." + (v[1] & 0xFF) + "." + (v[2] & 0xFF) + "." + (v[3] & 0xFF) : null;
    }
}
