package nl.govroam.server.cli.testauth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.EapMessages;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.eap.EapCode;
import nl.govroam.server.eap.EapPacket;
import nl.govroam.server.eap.EapType;

/**
 * One EAP-TTLS/PAP authentication over RADIUS (RFC 3579), as a NAS and a supplicant together would do it: the
 * EAP-Response/Identity with the outer identity, then each Access-Challenge answered (Identity again, a Legacy-Nak
 * asking for TTLS when the server proposes another method, TTLS through the {@link TtlsTunnelClient}, an empty
 * Notification response), State echoed, Message-Authenticator on every request, until an Accept or Reject, the
 * deadline or {@value #MAX_ROUNDS} rounds.
 */
final class TtlsPapConversation {
    static final int MAX_ROUNDS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How it ended. */
    sealed interface Outcome {
    }

    /**
     * The server's final answer.
     *
     * @param reply                the Access-Accept or Access-Reject
     * @param requestAuthenticator the authenticator of our last request (to decrypt the MS-MPPE keys)
     * @param rounds               Access-Requests sent
     */
    record Answered(RadiusPacket reply, byte[] requestAuthenticator, int rounds) implements Outcome {
    }

    /** No authentic answer in time. */
    record NoReply(int rounds) implements Outcome {
    }

    /** We ended it: the server broke the protocol, or its certificate was refused. */
    record Failed(String why, int rounds) implements Outcome {
    }

    private final InetSocketAddress server;
    private final byte[] secret;
    private final String outerIdentity;
    private final String callingStationId;
    private final TtlsTunnelClient tunnel;

    TtlsPapConversation(InetSocketAddress server, byte[] secret, String outerIdentity, String callingStationId,
                        TtlsTunnelClient tunnel) {
        this.server = server;
        this.secret = secret.clone();
        this.outerIdentity = outerIdentity;
        this.callingStationId = callingStationId;
        this.tunnel = tunnel;
    }

    Outcome run(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int radiusId = RANDOM.nextInt(256);
        byte[] eap = new EapPacket(EapCode.RESPONSE, 0, EapType.IDENTITY, utf8(outerIdentity)).encode();
        byte[] state = null;
        try {
            for (int round = 1; round <= MAX_ROUNDS; round++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new NoReply(round - 1);
                }
                byte[] authenticator = PacketEncoder.randomAuthenticator();
                byte[] request = PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, radiusId, authenticator,
                        attributes(eap, state), secret, true);
                Optional<RadiusPacket> reply = RadiusTestClient.exchange(server, request, secret, Duration.ofNanos(left));
                if (reply.isEmpty()) {
                    return new NoReply(round);
                }
                RadiusPacket packet = reply.get();
                if (packet.code() != PacketCode.ACCESS_CHALLENGE) {
                    return new Answered(packet, authenticator, round);
                }
                Optional<EapPacket> challenge = EapMessages.join(packet).flatMap(EapPacket::parse);
                if (challenge.isEmpty() || challenge.get().code() != EapCode.REQUEST) {
                    return new Failed("the Access-Challenge carries no EAP Request", round);
                }
                state = packet.first(AttributeType.STATE).map(RadiusAttribute::value).orElse(null);
                eap = answer(challenge.get()).encode();
                radiusId = (radiusId + 1) & 0xFF;
            }
            return new Failed("no decision after " + MAX_ROUNDS + " rounds", MAX_ROUNDS);
        } catch (TtlsTunnelClient.TunnelFailure e) {
            return new Failed(e.getMessage(), 0);
        } finally {
            tunnel.close();
        }
    }

    private EapPacket answer(EapPacket request) throws TtlsTunnelClient.TunnelFailure {
        int id = request.identifier();
        return switch (request.type()) {
            case EapType.IDENTITY -> new EapPacket(EapCode.RESPONSE, id, EapType.IDENTITY, utf8(outerIdentity));
            case EapType.NOTIFICATION -> new EapPacket(EapCode.RESPONSE, id, EapType.NOTIFICATION, new byte[0]);
            case EapType.TTLS -> new EapPacket(EapCode.RESPONSE, id, EapType.TTLS, tunnel.respond(request.data()));
            default -> new EapPacket(EapCode.RESPONSE, id, EapType.NAK, new byte[] {(byte) EapType.TTLS});
        };
    }

    private List<RadiusAttribute> attributes(byte[] eap, byte[] state) {
        List<RadiusAttribute> out = new ArrayList<>();
        out.add(RadiusAttribute.ofString(AttributeType.USER_NAME, outerIdentity));
        out.add(RadiusAttribute.ofString(AttributeType.NAS_IDENTIFIER, "govroam-test-auth"));
        out.add(RadiusAttribute.ofString(AttributeType.CALLING_STATION_ID, callingStationId));
        out.add(RadiusAttribute.ofInt(AttributeType.FRAMED_MTU, 1400));
        out.addAll(EapMessages.split(eap));
        if (state != null) {
            out.add(new RadiusAttribute(AttributeType.STATE, state));
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
