package nl.govroam.server.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.ldap.LoginName;
import nl.govroam.server.audit.AuthLog;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.UserPasswordCipher;
import nl.govroam.server.config.DirectoryDownPolicy;
import nl.govroam.server.config.ServerConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.Decision;
import nl.govroam.server.transport.DropReason;
import nl.govroam.server.transport.InboundRequest;
import nl.govroam.server.transport.RequestProcessor;

/**
 * Decides an Access-Request: route on the outer User-Name (realm sanity rejects locally), then PAP against the
 * realm's directory: search with the service account, bind as the user, disabled and required groups, VLAN.
 * Every final decision is one auth log line.
 */
public final class AccessRequestProcessor implements RequestProcessor {

    @Override
    public Decision process(InboundRequest request) {
        RadiusPacket packet = request.packet();
        String userName = packet.string(AttributeType.USER_NAME).orElse(null);
        Route route = request.snapshot().router().route(userName);
        return switch (route) {
            case Route.Reject reject -> reject(request, userName, "", reject.reason().code(), reject.detail());
            case Route.Local local -> authenticateLocally(request, userName, local);
        };
    }

    private Decision authenticateLocally(InboundRequest request, String userName, Route.Local local) {
        RadiusPacket packet = request.packet();
        Optional<DirectoryAuthenticator> directory = request.snapshot().directory(local.directory());
        if (directory.isEmpty()) {
            return unavailable(request, userName, local.nai().realm(), "directory " + local.directory() + " is not open");
        }
        if (packet.has(AttributeType.EAP_MESSAGE)) {
            return reject(request, userName, local.nai().realm(), "eap-not-supported", "EAP is not enabled on this server");
        }
        Optional<RadiusAttribute> hidden = packet.first(AttributeType.USER_PASSWORD);
        if (hidden.isEmpty()) {
            String why = packet.has(AttributeType.CHAP_PASSWORD)
                    ? "CHAP cannot be checked against a directory (it needs the clear-text password)"
                    : "no User-Password";
            return reject(request, userName, local.nai().realm(), "no-supported-credentials", why);
        }
        Optional<char[]> password = UserPasswordCipher.reveal(hidden.get().value(), packet.authenticator(),
                request.client().secret().bytes());
        if (password.isEmpty()) {
            return reject(request, userName, local.nai().realm(), "bad-user-password", "User-Password has an invalid length");
        }
        AuthOutcome outcome;
        try {
            outcome = directory.get().authenticate(new LoginName(local.nai().user(), local.nai().realm()), password.get());
        } finally {
            Arrays.fill(password.get(), '\0');
        }
        return switch (outcome) {
            case AuthOutcome.Accepted accepted -> accept(request, userName, local, accepted);
            case AuthOutcome.Rejected rejected -> reject(request, userName, local.nai().realm(),
                    rejected.reason().name().toLowerCase().replace('_', '-'), rejected.detail());
            case AuthOutcome.Unavailable unavailable -> unavailable(request, userName, local.nai().realm(),
                    unavailable.reason());
        };
    }

    private Decision accept(InboundRequest request, String userName, Route.Local local, AuthOutcome.Accepted accepted) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        accepted.vlan().ifPresent(vlan -> attributes.addAll(VlanAttributes.of(vlan)));
        log(request, userName, local.nai().realm(), AuthLog.Result.ACCEPT, "ok",
                accepted.vlan().map(v -> "vlan " + v).orElse(""));
        return Decision.Reply.now(PacketCode.ACCESS_ACCEPT, attributes);
    }

    private Decision reject(InboundRequest request, String userName, String realm, String reason, String detail) {
        log(request, userName, realm, AuthLog.Result.REJECT, reason, detail);
        ServerConfig server = request.snapshot().config().server();
        return new Decision.Reply(PacketCode.ACCESS_REJECT, List.of(), server.rejectDelay());
    }

    private Decision unavailable(InboundRequest request, String userName, String realm, String why) {
        DirectoryDownPolicy policy = request.snapshot().config().server().directoryDown();
        if (policy.forRole(request.client().role()) == DirectoryDownPolicy.Answer.NO_REPLY) {
            log(request, userName, realm, AuthLog.Result.NO_REPLY, "directory-unavailable", why);
            return new Decision.Silence(DropReason.DIRECTORY_UNAVAILABLE);
        }
        log(request, userName, realm, AuthLog.Result.REJECT, "directory-unavailable", why);
        return new Decision.Reply(PacketCode.ACCESS_REJECT, List.of(), Duration.ZERO);
    }

    private static void log(InboundRequest request, String userName, String realm, AuthLog.Result result,
                            String reason, String detail) {
        AuthLog.decision(request.client().name(), userName, realm,
                request.packet().string(AttributeType.CALLING_STATION_ID).orElse(null), result, reason, detail,
                (System.nanoTime() - request.receivedNanos()) / 1000);
    }
}
