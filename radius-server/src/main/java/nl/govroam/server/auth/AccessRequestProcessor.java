package nl.govroam.server.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.ldap.LoginName;
import nl.govroam.server.audit.AuthEvent;
import nl.govroam.server.audit.AuthEventListener;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.UserPasswordCipher;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.DirectoryDownPolicy;
import nl.govroam.server.proxy.Federation;
import nl.govroam.server.proxy.ProxyOutcome;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.Decision;
import nl.govroam.server.transport.DropReason;
import nl.govroam.server.transport.InboundRequest;
import nl.govroam.server.transport.RequestProcessor;

/**
 * Decides an Access-Request: route on the outer User-Name (realm sanity rejects locally), then PAP against the
 * realm's directory: search with the service account, bind as the user, disabled and required groups, VLAN.
 * Every final decision is reported once to the {@link AuthEventListener}.
 *
 * <p>Called on the listener's event loop ({@link #processAsync}): a routing reject is decided there and then, PAP
 * waits for the directory without a thread (the directory's connections share the event loop), a proxied request
 * waits for its peer the same way, and only the work that burns CPU (the TLS handshake's arithmetic in EAP) goes to
 * the workers.
 */
public final class AccessRequestProcessor implements RequestProcessor {
    static final String METHOD_PAP = "PAP";

    private final AuthEventListener events;
    private final Federation federation;

    public AccessRequestProcessor(AuthEventListener events) {
        this(events, null);
    }

    /** @param federation where {@link Route.Proxy} requests go; null when no peers are configured */
    public AccessRequestProcessor(AuthEventListener events, Federation federation) {
        this.events = events;
        this.federation = federation;
    }

    /** For callers on a worker thread (RadSec): {@link #processAsync} with the blocking parts run inline. */
    @Override
    public Decision process(InboundRequest request) {
        return processAsync(request, Runnable::run).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<Decision> processAsync(InboundRequest request, Executor workers) {
        RadiusPacket packet = request.packet();
        String userName = packet.string(AttributeType.USER_NAME).orElse(null);
        Route route = request.snapshot().router().route(userName);
        return switch (route) {
            case Route.Reject reject -> {
                Decisions d = new Decisions(request, events, userName, realmOf(userName), "local");
                yield CompletableFuture.completedFuture(d.reject(null, reject.reason().code(), reject.detail()));
            }
            case Route.Local local -> authenticateLocally(request,
                    new Decisions(request, events, userName, local.nai().realm(), "directory:" + local.directory()), local,
                    workers);
            case Route.Proxy proxy -> proxy(request, proxy,
                    new Decisions(request, events, userName, proxy.nai().realm(), "proxy:" + proxy.pool()));
        };
    }

    private CompletionStage<Decision> proxy(InboundRequest request, Route.Proxy proxy, Decisions decisions) {
        String method = request.packet().has(AttributeType.EAP_MESSAGE) ? "EAP"
                : request.packet().has(AttributeType.USER_PASSWORD) ? METHOD_PAP : null;
        if (federation == null) {
            return CompletableFuture.completedFuture(
                    decisions.reject(method, "no-federation", "pool " + proxy.pool() + " is not running"));
        }
        return federation.forwardAsync(request, proxy).thenApply(outcome -> decisions.relayed(method, outcome));
    }

    private CompletionStage<Decision> authenticateLocally(InboundRequest request, Decisions decisions, Route.Local local,
                                                          Executor workers) {
        RadiusPacket packet = request.packet();
        if (packet.has(AttributeType.EAP_MESSAGE)) {
            // only the TLS handshake's arithmetic goes to a worker; identity, fragment and inner-method rounds are
            // answered here, the inner method's directory wait included, with no thread hand-off
            return EapAuthentication.decide(request, decisions, local, workers);
        }
        Optional<RadiusAttribute> hidden = packet.first(AttributeType.USER_PASSWORD);
        if (hidden.isEmpty()) {
            String why = packet.has(AttributeType.CHAP_PASSWORD)
                    ? "CHAP cannot be checked against a directory (it needs the clear-text password)"
                    : "no User-Password";
            return CompletableFuture.completedFuture(decisions.reject(null, "no-supported-credentials", why));
        }
        Optional<DirectoryAuthenticator> directory = request.snapshot().directory(local.directory());
        if (directory.isEmpty()) {
            return CompletableFuture.completedFuture(
                    decisions.unavailable(METHOD_PAP, "directory " + local.directory() + " is not open"));
        }
        Optional<char[]> password = UserPasswordCipher.reveal(hidden.get().value(), packet.authenticator(),
                request.client().secret().bytes());
        if (password.isEmpty()) {
            return CompletableFuture.completedFuture(
                    decisions.reject(METHOD_PAP, "bad-user-password", "User-Password has an invalid length"));
        }
        CompletionStage<AuthOutcome> outcome;
        try {
            outcome = directory.get().authenticateAsync(new LoginName(local.nai().user(), local.nai().realm()),
                    password.get());
        } finally {
            Arrays.fill(password.get(), '\0');
        }
        return outcome.thenApply(o -> papDecision(request, decisions, local, o));
    }

    private static Decision papDecision(InboundRequest request, Decisions decisions, Route.Local local,
                                        AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Accepted accepted) {
            CuiReply cui = CuiReply.forAccept(request, request.packet().string(AttributeType.USER_NAME).orElse(null),
                    local.nai().realm());
            return decisions.accept(METHOD_PAP, accepted.vlan(), cui.attribute().stream().toList(), Tunnel.NONE,
                    cui.value(), cui.note());
        }
        return decisions.fromDirectory(METHOD_PAP, outcome);
    }

    /** The realm for logging a request that was not routed: after the last {@code @}, or empty. */
    static String realmOf(String userName) {
        if (userName == null) {
            return "";
        }
        int at = userName.lastIndexOf('@');
        return at < 0 ? "" : userName.substring(at + 1);
    }

    /**
     * What a TLS-based EAP method adds to a decision's log: the inner identity and the TLS version, each null when
     * there is none (yet).
     */
    record Tunnel(String innerIdentity, String tlsVersion) {
        /** No tunnel: PAP, a routing decision, or a proxied request. */
        static final Tunnel NONE = new Tunnel(null, null);
    }

    /**
     * Makes the final decisions for one request and reports each to the listener: the one place where a reply and
     * its audit event are made together, so every path is logged once.
     */
    static final class Decisions {
        private final InboundRequest request;
        private final AuthEventListener events;
        private final String userName;
        private final String realm;
        private final String route;

        Decisions(InboundRequest request, AuthEventListener events, String userName, String realm, String route) {
            this.request = request;
            this.events = events;
            this.userName = userName;
            this.realm = realm;
            this.route = route;
        }

        Decision fromDirectory(String method, AuthOutcome outcome) {
            return switch (outcome) {
                case AuthOutcome.Accepted accepted -> accept(method, accepted.vlan());
                case AuthOutcome.Rejected rejected -> reject(method,
                        rejected.reason().name().toLowerCase().replace('_', '-'), rejected.detail());
                case AuthOutcome.Unavailable unavailable -> unavailable(method, unavailable.reason());
            };
        }

        Decision accept(String method, Optional<String> vlan) {
            return accept(method, vlan, List.of(), Tunnel.NONE, null, "");
        }

        /**
         * An Access-Accept with extra attributes (EAP-Success, MS-MPPE keys, CUI); the tunnel's inner identity and
         * TLS version and the {@code cui} are logged.
         */
        Decision accept(String method, Optional<String> vlan, List<RadiusAttribute> extra, Tunnel tunnel, String cui,
                        String detail) {
            List<RadiusAttribute> attributes = new ArrayList<>(extra);
            if (request.client().role() != ClientRole.FEDERATION) {
                vlan.ifPresent(v -> attributes.addAll(VlanAttributes.of(v)));
            }
            String vlanNote = vlan.map(v -> "vlan " + v).orElse("");
            String note = detail.isEmpty() ? vlanNote : vlanNote.isEmpty() ? detail : detail + "; " + vlanNote;
            report(method, AuthEvent.Result.ACCEPT, "ok", note, tunnel, cui);
            return Decision.Reply.now(PacketCode.ACCESS_ACCEPT, attributes);
        }

        /** A peer's answer is relayed (a Challenge is not final and not reported); a refusal is an Access-Reject. */
        Decision relayed(String method, ProxyOutcome outcome) {
            return switch (outcome) {
                case ProxyOutcome.Refused refused -> reject(method, refused.reason(), refused.detail());
                case ProxyOutcome.Relayed relayed -> {
                    if (relayed.code() == PacketCode.ACCESS_ACCEPT) {
                        String cui = relayed.attributes().stream()
                                .filter(a -> a.type() == AttributeType.CHARGEABLE_USER_IDENTITY)
                                .map(RadiusAttribute::valueAsString).findFirst().orElse(null);
                        report(method, AuthEvent.Result.ACCEPT, "ok", "peer " + relayed.peer(), Tunnel.NONE, cui);
                    } else if (relayed.code() == PacketCode.ACCESS_REJECT) {
                        report(method, AuthEvent.Result.REJECT, "peer-reject", "peer " + relayed.peer(), Tunnel.NONE,
                                null);
                    }
                    yield Decision.Reply.now(relayed.code(), relayed.attributes());
                }
            };
        }

        Decision reject(String method, String reason, String detail) {
            return reject(method, reason, detail, List.of(), Tunnel.NONE);
        }

        /** An Access-Reject with extra attributes (EAP-Failure); the tunnel's inner identity and TLS version are logged. */
        Decision reject(String method, String reason, String detail, List<RadiusAttribute> extra, Tunnel tunnel) {
            report(method, AuthEvent.Result.REJECT, reason, detail, tunnel, null);
            return new Decision.Reply(PacketCode.ACCESS_REJECT, extra,
                    request.snapshot().config().server().rejectDelay());
        }

        /** The directory gave no answer: by policy, silence (a NAS fails over) or an immediate Access-Reject. */
        Decision unavailable(String method, String why) {
            return unavailable(method, why, List.of(), Tunnel.NONE);
        }

        /** As {@link #unavailable(String, String)}, with extra attributes on a reject and the tunnel logged. */
        Decision unavailable(String method, String why, List<RadiusAttribute> extra, Tunnel tunnel) {
            DirectoryDownPolicy policy = request.snapshot().config().server().directoryDown();
            if (policy.forRole(request.client().role()) == DirectoryDownPolicy.Answer.NO_REPLY) {
                report(method, AuthEvent.Result.NO_REPLY, "directory-unavailable", why, tunnel, null);
                return new Decision.Silence(DropReason.DIRECTORY_UNAVAILABLE);
            }
            report(method, AuthEvent.Result.REJECT, "directory-unavailable", why, tunnel, null);
            return new Decision.Reply(PacketCode.ACCESS_REJECT, extra, Duration.ZERO);
        }

        private void report(String method, AuthEvent.Result result, String reason, String detail, Tunnel tunnel,
                            String cui) {
            java.util.Objects.requireNonNull(tunnel, "tunnel");
            RadiusPacket p = request.packet();
            events.onDecision(new AuthEvent(java.time.Instant.now(), request.client().name(),
                    request.sender().getAddress().getHostAddress(), request.client().role(), userName, tunnel.innerIdentity(), realm,
                    p.string(AttributeType.CALLING_STATION_ID).orElse(null),
                    p.first(AttributeType.OPERATOR_NAME).map(RadiusAttribute::valueAsString).orElse(null), cui,
                    method, tunnel.tlsVersion(), route, result, reason, detail, (System.nanoTime() - request.receivedNanos()) / 1000));
        }
    }
}
