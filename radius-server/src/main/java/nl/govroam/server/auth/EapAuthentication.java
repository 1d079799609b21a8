package nl.govroam.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.Authenticators;
import nl.govroam.server.codec.EapMessages;
import nl.govroam.server.codec.MessageAuthenticatorCheck;
import nl.govroam.server.codec.MicrosoftAttributes;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.eap.EapOutcome;
import nl.govroam.server.eap.EapServer;
import nl.govroam.server.eap.IdentityRules;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.Decision;
import nl.govroam.server.transport.DropReason;
import nl.govroam.server.transport.InboundRequest;

/**
 * An Access-Request with EAP-Message, routed to one of our realms: hands the EAP round to the snapshot's
 * {@link EapServer} and turns its outcome into the reply. A challenge carries the EAP request and a fresh State
 * (no audit event); the final Accept carries EAP-Success, the MS-MPPE keys, the VLAN, the inner User-Name for our
 * own NASes and a CUI when asked; a Reject carries EAP-Failure. Auth log lines name inner identity, method and TLS
 * version.
 */
final class EapAuthentication {
    /** The auth log's detail for an accept on a resumed TLS session (the account was re-checked, no password). */
    static final String RESUMED_NOTE = "tls session resumed";

    private EapAuthentication() {
    }

    /**
     * Decides one EAP round; called on the event loop. The round's TLS handshake arithmetic runs on
     * {@code workers}, everything else (and the wait for the directory) without a thread of its own.
     */
    static CompletionStage<Decision> decide(InboundRequest request, AccessRequestProcessor.Decisions decisions,
                                            Route.Local local, Executor workers) {
        RadiusPacket packet = request.packet();
        byte[] secret = request.client().secret().bytes();
        if (Authenticators.checkRequest(request.wire(), secret) != MessageAuthenticatorCheck.VALID) {
            // RFC 3579 3.2: an Access-Request with EAP-Message and no valid Message-Authenticator is discarded
            return CompletableFuture.completedFuture(new Decision.Silence(DropReason.MISSING_MESSAGE_AUTHENTICATOR));
        }
        Optional<EapServer> eap = request.snapshot().eap();
        if (eap.isEmpty()) {
            return CompletableFuture.completedFuture(
                    decisions.reject("EAP", "eap-not-enabled", "EAP is not enabled (no eap: section in the config)"));
        }
        Optional<DirectoryAuthenticator> directory = request.snapshot().directory(local.directory());
        if (directory.isEmpty()) {
            return CompletableFuture.completedFuture(
                    decisions.unavailable("EAP", "directory " + local.directory() + " is not open"));
        }
        byte[] eapMessage = EapMessages.join(packet).orElseThrow();
        Optional<byte[]> state = packet.first(AttributeType.STATE).map(RadiusAttribute::value);
        String outer = packet.string(AttributeType.USER_NAME).orElse("");
        return eap.get().handle(eapMessage, state, outer, local.directory(), directory.get(), workers)
                .thenApply(outcome -> decision(request, decisions, outcome, secret));
    }

    private static Decision decision(InboundRequest request, AccessRequestProcessor.Decisions decisions,
                                     EapOutcome outcome, byte[] secret) {
        return switch (outcome) {
            case EapOutcome.Challenge c -> {
                List<RadiusAttribute> attributes = new ArrayList<>(EapMessages.split(c.eap()));
                attributes.add(new RadiusAttribute(AttributeType.STATE, c.state()));
                yield Decision.Reply.now(nl.govroam.server.codec.PacketCode.ACCESS_CHALLENGE, attributes);
            }
            case EapOutcome.Accept a -> accept(request, decisions, a, secret);
            case EapOutcome.Reject r -> decisions.reject(r.method() == null ? "EAP" : r.method(), r.reason(),
                    r.detail() == null ? "" : r.detail(), r.eap() == null ? List.of() : EapMessages.split(r.eap()),
                    new AccessRequestProcessor.Tunnel(r.innerIdentity(), r.tlsVersion()));
            case EapOutcome.Unavailable u -> decisions.unavailable(u.method(), u.why() == null ? "" : u.why(),
                    List.of(), new AccessRequestProcessor.Tunnel(u.innerIdentity(), u.tlsVersion()));
        };
    }

    private static Decision accept(InboundRequest request, AccessRequestProcessor.Decisions decisions,
                                   EapOutcome.Accept a, byte[] secret) {
        RadiusPacket packet = request.packet();
        List<RadiusAttribute> attributes = new ArrayList<>(EapMessages.split(a.eap()));
        byte[] msk = a.msk();
        try {
            attributes.addAll(MicrosoftAttributes.mppeKeys(msk, packet.authenticator(), secret));
        } finally {
            java.util.Arrays.fill(msk, (byte) 0);
        }
        String inner = a.innerIdentity();
        String innerRealm = inner == null ? "" : IdentityRules.realmPart(inner);
        if (inner != null && isOwnNas(request, innerRealm)) {
            attributes.add(RadiusAttribute.ofString(AttributeType.USER_NAME, inner));
        }
        String realm = innerRealm.isEmpty() ? IdentityRules.realmPart(packet.string(AttributeType.USER_NAME).orElse(""))
                : innerRealm;
        CuiReply cui = CuiReply.forAccept(request, inner, realm);
        cui.attribute().ifPresent(attributes::add);
        String note = a.resumed() ? (cui.note().isEmpty() ? RESUMED_NOTE : RESUMED_NOTE + "; " + cui.note()) : cui.note();
        return decisions.accept(a.method(), a.account().vlan(), attributes,
                new AccessRequestProcessor.Tunnel(inner, a.tlsVersion()), cui.value(), note);
    }

    /** The user's own municipality's NAS (its operator is the realm or a parent of it) may see the real name. */
    private static boolean isOwnNas(InboundRequest request, String realm) {
        String operator = request.client().operator().toLowerCase(java.util.Locale.ROOT);
        String r = realm.toLowerCase(java.util.Locale.ROOT);
        return request.client().role() == nl.govroam.server.config.ClientRole.NAS && !r.isEmpty()
                && (r.equals(operator) || r.endsWith("." + operator));
    }
}
