package nl.govroam.server.eap.inner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.eap.AccountCheck;
import nl.govroam.server.eap.EapType;
import nl.govroam.server.eap.MethodStep;
import nl.govroam.server.eap.mschap.MsChapV2;
import nl.govroam.server.eap.tls.CachedAuthorization;
import nl.govroam.server.eap.tls.TlsTunnel;
import nl.govroam.server.eap.tls.TunnelMethod;

/**
 * EAP-TTLSv0 (RFC 5281) with inner PAP (checked by an LDAP bind, 11.2.5) or MSCHAPv2 (against the stored NT hash,
 * 11.2.4, with the implicit challenge from the TLS keys, 11.1). After the handshake the peer sends its AVPs; PAP
 * ends there, MSCHAPv2 sends MS-CHAP2-Success in the tunnel and ends on the peer's empty acknowledgement.
 */
public final class TtlsMethod extends TunnelMethod {
    private String name = "EAP-TTLS";
    private String innerIdentity;
    private MethodStep.Success pendingSuccess;

    public TtlsMethod(TlsTunnel tunnel) {
        super(tunnel);
    }

    @Override
    public int type() {
        return EapType.TTLS;
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
        if (pendingSuccess != null) {
            return received.acknowledgement() || received.applicationData().length == 0 ? pendingSuccess
                    : new MethodStep.Failure("ttls-protocol", "expected an empty acknowledgement of MS-CHAP2-Success");
        }
        byte[] inner = received.applicationData();
        Optional<CachedAuthorization> resumed = tunnel.resumed();
        if (resumed.isPresent() && inner.length == 0) {
            // a resumed session of a successful authentication skips the inner method (RFC 5281 10.1)
            name = resumed.get().method();
            innerIdentity = resumed.get().identity();
            return new MethodStep.Pending(recheckResumed(resumed.get(), accounts));
        }
        if (inner.length == 0) {
            // TLS 1.2: our Finished goes out now; TLS 1.3: the peer finished without AVPs and needs a nudge
            return new MethodStep.Continue(tunnel.send(received.output()));
        }
        Optional<List<DiameterAvp>> parsed = DiameterAvp.parseAll(inner);
        Arrays.fill(inner, (byte) 0);
        if (parsed.isEmpty()) {
            return new MethodStep.Failure("malformed-avp", "the inner Diameter AVPs are malformed");
        }
        List<DiameterAvp> avps = parsed.get();
        Optional<DiameterAvp> user = DiameterAvp.find(avps, DiameterAvp.USER_NAME, 0);
        if (user.isEmpty()) {
            return new MethodStep.Failure("no-inner-identity", "no User-Name AVP in the tunnel");
        }
        innerIdentity = new String(user.get().data(), StandardCharsets.UTF_8);
        if (DiameterAvp.find(avps, DiameterAvp.USER_PASSWORD, 0).isPresent()) {
            name = "EAP-TTLS/PAP";
            return pap(DiameterAvp.find(avps, DiameterAvp.USER_PASSWORD, 0).get().data(), accounts);
        }
        Optional<DiameterAvp> response = DiameterAvp.find(avps, DiameterAvp.MS_CHAP2_RESPONSE, DiameterAvp.MICROSOFT);
        Optional<DiameterAvp> challenge = DiameterAvp.find(avps, DiameterAvp.MS_CHAP_CHALLENGE, DiameterAvp.MICROSOFT);
        if (response.isPresent() && challenge.isPresent()) {
            name = "EAP-TTLS/MSCHAPv2";
            return mschapv2(challenge.get().data(), response.get().data(), accounts, received.output());
        }
        return new MethodStep.Failure("unsupported-inner-method", "EAP-TTLS inner method is neither PAP nor MSCHAPv2");
    }

    private MethodStep pap(byte[] padded, AccountCheck accounts) {
        int end = padded.length;
        while (end > 0 && padded[end - 1] == 0) {
            end--;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(padded, 0, end));
        char[] password = new char[chars.remaining()];
        chars.get(password);
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(padded, (byte) 0);
        return MethodStep.after(accounts.password(innerIdentity, password), verdict ->
                verdict instanceof AccountCheck.Accepted a ? new MethodStep.Success(msk(), a.account())
                        : MethodStep.from(verdict));
    }

    /** RFC 5281 11.2.4: Ident, Flags, Peer-Challenge(16), Reserved(8), NT-Response(24). */
    private MethodStep mschapv2(byte[] challenge, byte[] response, AccountCheck accounts, byte[] pendingOutput)
            throws IOException {
        byte[] implicit = tunnel.keys().ttlsChallenge();
        if (response.length != 50 || challenge.length != 16
                || !MessageDigest.isEqual(challenge, Arrays.copyOf(implicit, 16)) || response[0] != implicit[16]) {
            return new MethodStep.Failure("mschapv2-bad-challenge", "MS-CHAP-Challenge or Ident is not the one the "
                    + "TLS keys give (RFC 5281 11.2.4)");
        }
        return MethodStep.after(accounts.withNtHash(innerIdentity),
                verdict -> verdict instanceof AccountCheck.Accepted accepted
                        ? mschapv2(challenge, response, accepted, pendingOutput) : MethodStep.from(verdict));
    }

    private MethodStep mschapv2(byte[] challenge, byte[] response, AccountCheck.Accepted accepted, byte[] pendingOutput)
            throws IOException {
        byte[] peerChallenge = Arrays.copyOfRange(response, 2, 18);
        byte[] ntResponse = Arrays.copyOfRange(response, 26, 50);
        byte[] ntHash = accepted.account().ntHash().orElseThrow().bytes();
        byte[] user = MsChapV2.userNameForHash(innerIdentity);
        try {
            if (!MsChapV2.verify(challenge, peerChallenge, user, ntHash, ntResponse)) {
                return new MethodStep.Failure("wrong-password", "MSCHAPv2 NT-Response does not match");
            }
            String authenticator = MsChapV2.authenticatorResponse(ntHash, ntResponse, peerChallenge, challenge, user);
            byte[] success = new byte[1 + authenticator.length()];
            success[0] = response[0];
            System.arraycopy(authenticator.getBytes(StandardCharsets.US_ASCII), 0, success, 1, authenticator.length());
            pendingSuccess = new MethodStep.Success(msk(), accepted.account());
            return sendInner(pendingOutput, new DiameterAvp(DiameterAvp.MS_CHAP2_SUCCESS, DiameterAvp.MICROSOFT,
                    success).encode());
        } finally {
            Arrays.fill(ntHash, (byte) 0);
        }
    }
}
