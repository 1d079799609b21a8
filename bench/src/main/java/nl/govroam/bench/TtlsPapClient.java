package nl.govroam.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * One EAP-TTLS/PAP conversation as a supplicant runs it (RFC 5281), as a pure state machine: feed it each EAP-Request
 * from an Access-Challenge, it answers with the next EAP-Response. TLS is Bouncy Castle's {@link TlsClientProtocol} in
 * non-blocking mode (no streams, no threads); EAP-TTLS framing is ours: L/M/S flags, fragments of
 * {@link #FRAGMENT} octets, ACKs both ways. The server certificate is NOT verified: a load generator, not a supplicant.
 */
final class TtlsPapClient {
    static final int EAP_REQUEST = 1;
    static final int EAP_RESPONSE = 2;
    static final int EAP_SUCCESS = 3;
    static final int EAP_FAILURE = 4;
    static final int TYPE_IDENTITY = 1;
    static final int TYPE_NAK = 3;
    static final int TYPE_TTLS = 21;
    static final int FLAG_LENGTH = 0x80;
    static final int FLAG_MORE = 0x40;
    static final int FLAG_START = 0x20;
    static final int FRAGMENT = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Bouncy Castle's own crypto (JcaTlsCrypto on JDK 25 ended in internal_error: not pursued). */
    private static final ThreadLocal<TlsCrypto> CRYPTO = ThreadLocal.withInitial(() -> new UnverifyingCrypto(RANDOM));

    private final byte[] outerIdentity;
    private final byte[] user;
    private final byte[] password;
    private final boolean tls13;
    private TlsClientProtocol tls;
    private Client client;
    private final ByteArrayOutputStream inbound = new ByteArrayOutputStream();
    private final ArrayDeque<byte[]> outboundFragments = new ArrayDeque<>();
    private boolean innerSent;
    private int roundTrips;

    TtlsPapClient(byte[] outerIdentity, byte[] user, byte[] password, boolean tls13) {
        this.outerIdentity = outerIdentity;
        this.user = user;
        this.password = password;
        this.tls13 = tls13;
    }

    /** The first EAP packet: EAP-Response/Identity with the outer (anonymous) identity. */
    byte[] start() {
        roundTrips = 1;
        return eap(EAP_RESPONSE, 0, TYPE_IDENTITY, outerIdentity);
    }

    int roundTrips() {
        return roundTrips;
    }

    /** The TLS cipher suite the server chose, once the handshake is done (to show equal work). */
    String negotiated() {
        if (client == null || tls.isHandshaking()) {
            return "none";
        }
        return client.negotiated();
    }

    /**
     * The answer to one EAP packet from the server (the joined EAP-Message of an Access-Challenge).
     *
     * @throws IOException when TLS fails or the server sends something this client does not follow
     */
    byte[] onRequest(byte[] eap) throws IOException {
        roundTrips++;
        if (eap.length < 5 || (eap[0] & 0xFF) != EAP_REQUEST) {
            throw new IOException("not an EAP-Request: code " + (eap.length > 0 ? eap[0] & 0xFF : -1));
        }
        int id = eap[1] & 0xFF;
        int type = eap[4] & 0xFF;
        if (type == TYPE_IDENTITY) {
            return eap(EAP_RESPONSE, id, TYPE_IDENTITY, outerIdentity);
        }
        if (type != TYPE_TTLS) {
            // Legacy-Nak (RFC 3748 5.3.1): we want TTLS
            return eap(EAP_RESPONSE, id, TYPE_NAK, new byte[] {TYPE_TTLS});
        }
        int flags = eap.length > 5 ? eap[5] & 0xFF : 0;
        int off = 6 + ((flags & FLAG_LENGTH) != 0 ? 4 : 0);
        if ((flags & FLAG_START) != 0) {
            tls = new TlsClientProtocol();
            client = new Client(CRYPTO.get(), tls13);
            tls.connect(client);
            queueTlsOutput();
            return nextFragment(id);
        }
        if (tls == null) {
            throw new IOException("TTLS data before Start");
        }
        int dataLength = Math.max(0, eap.length - off);
        if (dataLength == 0) {
            // the server's ACK of our fragment
            if (outboundFragments.isEmpty()) {
                throw new IOException("ACK with nothing left to send");
            }
            return nextFragment(id);
        }
        inbound.write(eap, off, dataLength);
        if ((flags & FLAG_MORE) != 0) {
            return ttls(id, 0, null, 0, 0);
        }
        byte[] record = inbound.toByteArray();
        inbound.reset();
        tls.offerInput(record);
        if (!tls.isHandshaking() && !innerSent) {
            byte[] avps = innerPap();
            tls.writeApplicationData(avps, 0, avps.length);
            innerSent = true;
        }
        if (tls.isHandshaking() || innerSent) {
            int available = tls.getAvailableInputBytes();
            if (available > 0) {
                tls.readInput(new byte[available], 0, available);
            }
        }
        queueTlsOutput();
        return outboundFragments.isEmpty() ? ttls(id, 0, null, 0, 0) : nextFragment(id);
    }

    private void queueTlsOutput() {
        int n = tls.getAvailableOutputBytes();
        if (n == 0) {
            return;
        }
        byte[] out = new byte[n];
        tls.readOutput(out, 0, n);
        for (int pos = 0; pos < n; pos += FRAGMENT) {
            int len = Math.min(FRAGMENT, n - pos);
            boolean first = pos == 0;
            boolean more = pos + len < n;
            int flags = (more ? FLAG_MORE : 0) | (first && more ? FLAG_LENGTH : 0);
            byte[] frag = new byte[1 + ((flags & FLAG_LENGTH) != 0 ? 4 : 0) + len];
            frag[0] = (byte) flags;
            int p = 1;
            if ((flags & FLAG_LENGTH) != 0) {
                frag[1] = (byte) (n >>> 24);
                frag[2] = (byte) (n >>> 16);
                frag[3] = (byte) (n >>> 8);
                frag[4] = (byte) n;
                p = 5;
            }
            System.arraycopy(out, pos, frag, p, len);
            outboundFragments.add(frag);
        }
    }

    private byte[] nextFragment(int id) {
        byte[] frag = outboundFragments.poll();
        if (frag == null) {
            return ttls(id, 0, null, 0, 0);
        }
        return ttls(id, frag[0] & 0xFF, frag, 1, frag.length - 1);
    }

    /** RFC 5281 11.2.1/11.2.2: User-Name and User-Password AVPs, M bit set, password padded to 16 octets. */
    private byte[] innerPap() {
        int pwLen = Math.max(16, (password.length + 15) / 16 * 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        avp(out, 1, user, user.length);
        avp(out, 2, Arrays.copyOf(password, pwLen), pwLen);
        return out.toByteArray();
    }

    private static void avp(ByteArrayOutputStream out, int code, byte[] data, int len) {
        int length = 8 + len;
        out.write(0);
        out.write(0);
        out.write(code >>> 8);
        out.write(code);
        out.write(0x40);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(data, 0, len);
        for (int i = length; i % 4 != 0; i++) {
            out.write(0);
        }
    }

    private static byte[] ttls(int id, int flags, byte[] data, int off, int len) {
        byte[] body = new byte[1 + len];
        body[0] = (byte) (flags & ~FLAG_LENGTH | (flags & FLAG_LENGTH));
        if (len > 0) {
            System.arraycopy(data, off, body, 1, len);
        }
        return eap(EAP_RESPONSE, id, TYPE_TTLS, body);
    }

    static byte[] eap(int code, int id, int type, byte[] data) {
        int length = 5 + data.length;
        byte[] p = new byte[length];
        p[0] = (byte) code;
        p[1] = (byte) id;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        p[4] = (byte) type;
        System.arraycopy(data, 0, p, 5, data.length);
        return p;
    }

    private static final class Client extends DefaultTlsClient {
        private final boolean tls13;

        Client(TlsCrypto crypto, boolean tls13) {
            super(crypto);
            this.tls13 = tls13;
        }

        String negotiated() {
            SecurityParameters parameters = context.getSecurityParametersConnection();
            return String.format(java.util.Locale.ROOT, "suite-0x%04X", parameters.getCipherSuite());
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return tls13 ? ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12) : ProtocolVersion.TLSv12.only();
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                    // a load generator: the server's certificate is not checked
                }
            };
        }
    }
}
