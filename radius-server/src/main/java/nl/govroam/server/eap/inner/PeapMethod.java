package nl.govroam.server.eap.inner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import nl.govroam.server.eap.AccountCheck;
import nl.govroam.server.eap.EapType;
import nl.govroam.server.eap.MethodStep;
import nl.govroam.server.eap.mschap.MsChapV2;
import nl.govroam.server.eap.tls.CachedAuthorization;
import nl.govroam.server.eap.tls.TlsTunnel;
import nl.govroam.server.eap.tls.TunnelMethod;

/**
 * PEAPv0 with EAP-MSCHAPv2 (draft-josefsson-pppext-eap-tls-eap, draft-kamath-pppext-eap-mschapv2), as Windows and
 * Android speak it: inside the tunnel, EAP packets without their four-octet header ("compressed"), except the
 * EAP-TLV Result exchange that ends the conversation (full header). Rounds: Identity, MSCHAPv2 Challenge,
 * MSCHAPv2 Success, Result TLV. A refused MSCHAPv2 Response first gets the MSCHAPv2 Failure request (RFC 2759 6,
 * draft-kamath 2: {@code E=691 R=0 C=... V=3 M=...}), which is what makes Windows say "wrong password", and after
 * the peer's Failure acknowledgement the failure Result TLV.
 */
public final class PeapMethod extends TunnelMethod {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SERVER_NAME = "govroam".getBytes(StandardCharsets.US_ASCII);
    private static final int RESULT_SUCCESS = 1;
    private static final int RESULT_FAILURE = 2;

    private static final int OPCODE_FAILURE = 4;
    /** RFC 2759 6: ERROR_AUTHENTICATION_FAILURE; also for an unknown user, so names cannot be probed. */
    private static final int ERROR_AUTHENTICATION_FAILURE = 691;
    /** RFC 2759 6: ERROR_ACCOUNT_DISABLED. */
    private static final int ERROR_ACCOUNT_DISABLED = 647;

    private enum Phase {
        HANDSHAKE, FINISHED_SENT, IDENTITY_SENT, CHALLENGE_SENT, SUCCESS_SENT, RESULT_SENT, MSCHAP_FAILURE_SENT,
        FAILURE_SENT
    }

    private final Identifiers identifiers;
    private Phase phase = Phase.HANDSHAKE;
    private String name = "PEAP";
    private String innerIdentity;
    private byte[] challenge;
    private MethodStep.Success pendingSuccess;
    private MethodStep.Failure pendingFailure;

    /** The outer EAP identifier of the next request, which PEAPv0 reuses for the inner packets. */
    @FunctionalInterface
    public interface Identifiers {
        int next();
    }

    public PeapMethod(TlsTunnel tunnel, Identifiers identifiers) {
        super(tunnel);
        this.identifiers = identifiers;
    }

    @Override
    public int type() {
        return EapType.PEAP;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> innerIdentity() {
        return Optional.ofNullable(innerIdentity);
    }

    @Override
    protected MethodStep established(TlsTunnel.Received received, AccountCheck accounts) throws IOException {
        byte[] inner = received.applicationData();
        switch (phase) {
            case HANDSHAKE -> {
                Optional<CachedAuthorization> resumed = tunnel.resumed();
                if (resumed.isPresent()) {
                    return resumedResult(resumed.get(), accounts, received.output());
                }
                if (received.output().length > 0) {
                    phase = Phase.FINISHED_SENT;
                    return new MethodStep.Continue(tunnel.send(received.output()));
                }
                return sendIdentityRequest(received.output());
            }
            case FINISHED_SENT -> {
                return sendIdentityRequest(received.output());
            }
            case IDENTITY_SENT -> {
                byte[] body = stripHeader(inner);
                if (body.length < 1 || body[0] != EapType.IDENTITY) {
                    return new MethodStep.Failure("peap-protocol", "expected the inner EAP-Identity");
                }
                innerIdentity = new String(body, 1, body.length - 1, StandardCharsets.UTF_8);
                name = "PEAP/MSCHAPv2";
                return sendChallenge(received.output());
            }
            case CHALLENGE_SENT -> {
                return checkResponse(stripHeader(inner), accounts, received.output());
            }
            case SUCCESS_SENT -> {
                byte[] body = stripHeader(inner);
                if (body.length < 2 || body[0] != EapType.MSCHAPV2 || body[1] != 3) {
                    return new MethodStep.Failure("peap-protocol", "expected the MSCHAPv2 Success acknowledgement");
                }
                phase = Phase.RESULT_SENT;
                return sendInner(received.output(), resultTlv(RESULT_SUCCESS));
            }
            case RESULT_SENT -> {
                return resultAcknowledged(inner, RESULT_SUCCESS) ? pendingSuccess
                        : new MethodStep.Failure("peap-result-failure", "the peer did not confirm the success Result TLV");
            }
            case MSCHAP_FAILURE_SENT -> {
                byte[] body = stripHeader(inner);
                if (body.length < 2 || body[0] != EapType.MSCHAPV2 || body[1] != OPCODE_FAILURE) {
                    return pendingFailure;
                }
                phase = Phase.FAILURE_SENT;
                return sendInner(received.output(), resultTlv(RESULT_FAILURE));
            }
            case FAILURE_SENT -> {
                return pendingFailure;
            }
            default -> throw new IllegalStateException(phase.name());
        }
    }

    /**
     * A resumed session of a successful authentication skips the inner method, as FreeRADIUS does: after the
     * account check the success Result TLV goes out at once, and the peer's acknowledgement ends it.
     */
    private MethodStep resumedResult(CachedAuthorization resumed, AccountCheck accounts, byte[] pendingOutput) {
        name = resumed.method();
        innerIdentity = resumed.identity();
        return MethodStep.after(recheckResumed(resumed, accounts), step -> {
            if (!(step instanceof MethodStep.Success success)) {
                return step;
            }
            pendingSuccess = success;
            phase = Phase.RESULT_SENT;
            return sendInner(pendingOutput, resultTlv(RESULT_SUCCESS));
        });
    }

    private MethodStep sendIdentityRequest(byte[] pendingOutput) throws IOException {
        phase = Phase.IDENTITY_SENT;
        return sendInner(pendingOutput, new byte[] {EapType.IDENTITY});
    }

    /** OpCode 1 Challenge: MSCHAPv2-ID, MS-Length, Value-Size 16, Challenge, Name (draft-kamath 2). */
    private MethodStep sendChallenge(byte[] pendingOutput) throws IOException {
        challenge = new byte[16];
        RANDOM.nextBytes(challenge);
        int msLength = 5 + 16 + SERVER_NAME.length;
        byte[] packet = new byte[1 + msLength];
        packet[0] = (byte) EapType.MSCHAPV2;
        packet[1] = 1;
        packet[2] = (byte) identifiers.next();
        packet[3] = (byte) (msLength >>> 8);
        packet[4] = (byte) msLength;
        packet[5] = 16;
        System.arraycopy(challenge, 0, packet, 6, 16);
        System.arraycopy(SERVER_NAME, 0, packet, 22, SERVER_NAME.length);
        phase = Phase.CHALLENGE_SENT;
        return sendInner(pendingOutput, packet);
    }

    /** OpCode 2 Response: MSCHAPv2-ID, MS-Length, Value-Size 49, Peer-Challenge, Reserved(8), NT-Response, Flags, Name. */
    private MethodStep checkResponse(byte[] body, AccountCheck accounts, byte[] pendingOutput) throws IOException {
        if (body.length < 55 || body[0] != EapType.MSCHAPV2 || body[1] != 2 || body[5] != 49) {
            return new MethodStep.Failure("peap-protocol", "expected an MSCHAPv2 Response");
        }
        byte[] peerChallenge = Arrays.copyOfRange(body, 6, 22);
        byte[] ntResponse = Arrays.copyOfRange(body, 30, 54);
        String userName = new String(body, 55, body.length - 55, StandardCharsets.UTF_8);
        return MethodStep.after(accounts.withNtHash(innerIdentity), verdict -> verdict instanceof AccountCheck.Accepted a
                ? checkResponse(body, peerChallenge, ntResponse, userName, a, pendingOutput)
                : mschapFailure(MethodStep.from(verdict), body[2], pendingOutput));
    }

    private MethodStep checkResponse(byte[] body, byte[] peerChallenge, byte[] ntResponse, String userName,
                                     AccountCheck.Accepted accepted, byte[] pendingOutput) throws IOException {
        byte[] ntHash = accepted.account().ntHash().orElseThrow().bytes();
        byte[] user = MsChapV2.userNameForHash(userName);
        try {
            if (!MsChapV2.verify(challenge, peerChallenge, user, ntHash, ntResponse)) {
                return mschapFailure(new MethodStep.Failure("wrong-password", "MSCHAPv2 NT-Response does not match"),
                        body[2], pendingOutput);
            }
            byte[] message = (MsChapV2.authenticatorResponse(ntHash, ntResponse, peerChallenge, challenge, user)
                    + " M=OK").getBytes(StandardCharsets.US_ASCII);
            int msLength = 4 + message.length;
            byte[] packet = new byte[1 + msLength];
            packet[0] = (byte) EapType.MSCHAPV2;
            packet[1] = 3;
            packet[2] = body[2];
            packet[3] = (byte) (msLength >>> 8);
            packet[4] = (byte) msLength;
            System.arraycopy(message, 0, packet, 5, message.length);
            pendingSuccess = new MethodStep.Success(msk(), accepted.account());
            phase = Phase.SUCCESS_SENT;
            return sendInner(pendingOutput, packet);
        } finally {
            Arrays.fill(ntHash, (byte) 0);
        }
    }

    /**
     * A refused MSCHAPv2 Response: OpCode 4 Failure with the MSCHAPv2-ID of the response, MS-Length and the failure
     * message, no retry ({@code R=0}), a fresh challenge as RFC 2759 6 asks, version 3. The failure Result TLV follows
     * the peer's acknowledgement. Unavailable ends the conversation at once.
     */
    private MethodStep mschapFailure(MethodStep step, byte mschapId, byte[] pendingOutput) throws IOException {
        if (!(step instanceof MethodStep.Failure failure)) {
            return step;
        }
        byte[] next = new byte[16];
        RANDOM.nextBytes(next);
        int error = failure.reason().equals("disabled") ? ERROR_ACCOUNT_DISABLED : ERROR_AUTHENTICATION_FAILURE;
        byte[] message = ("E=" + error + " R=0 C=" + java.util.HexFormat.of().withUpperCase().formatHex(next)
                + " V=3 M=Authentication failed").getBytes(StandardCharsets.US_ASCII);
        int msLength = 4 + message.length;
        byte[] packet = new byte[1 + msLength];
        packet[0] = (byte) EapType.MSCHAPV2;
        packet[1] = OPCODE_FAILURE;
        packet[2] = mschapId;
        packet[3] = (byte) (msLength >>> 8);
        packet[4] = (byte) msLength;
        System.arraycopy(message, 0, packet, 5, message.length);
        pendingFailure = failure;
        phase = Phase.MSCHAP_FAILURE_SENT;
        return sendInner(pendingOutput, packet);
    }

    /** An EAP-TLV Request with the full header and one mandatory Result TLV (type 3, length 2). */
    private byte[] resultTlv(int status) {
        return new byte[] {1, (byte) identifiers.next(), 0, 11, (byte) EapType.EXTENSIONS,
                (byte) 0x80, 3, 0, 2, 0, (byte) status};
    }

    private static boolean resultAcknowledged(byte[] inner, int status) {
        if (inner.length < 11 || inner[0] != 2 || (inner[4] & 0xFF) != EapType.EXTENSIONS) {
            return false;
        }
        for (int pos = 5; pos + 4 <= inner.length; ) {
            int type = ((inner[pos] & 0x3F) << 8) | (inner[pos + 1] & 0xFF);
            int length = ((inner[pos + 2] & 0xFF) << 8) | (inner[pos + 3] & 0xFF);
            if (type == 3 && length == 2 && pos + 6 <= inner.length) {
                return (((inner[pos + 4] & 0xFF) << 8) | (inner[pos + 5] & 0xFF)) == status;
            }
            pos += 4 + length;
        }
        return false;
    }

    /** PEAPv0 sends inner packets without the EAP header; accept a full one too. */
    static byte[] stripHeader(byte[] inner) {
        if (inner.length >= 5 && inner[0] == 2 && (((inner[2] & 0xFF) << 8) | (inner[3] & 0xFF)) == inner.length) {
            return Arrays.copyOfRange(inner, 4, inner.length);
        }
        return inner;
    }
}
