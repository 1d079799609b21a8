package nl.govroam.server.cli.testauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import nl.govroam.server.eap.tls.TlsFrame;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * The peer side of one EAP-TTLSv0 tunnel (RFC 5281 9): Bouncy Castle's {@link TlsClientProtocol} in non-blocking
 * mode behind the EAP-TLS framing (RFC 5216 2.1.5). It answers each TTLS request's type data: the Start with the
 * ClientHello, a fragment with M set with an empty acknowledgement, our own long messages in fragments (L on the
 * first, M on all but the last) as the server acknowledges them, and once the handshake is complete it sends the
 * inner Diameter AVPs. Not thread-safe.
 */
final class TtlsTunnelClient {
    static final int FRAGMENT_SIZE = 1000;
    static final int MAX_MESSAGE_SIZE = 64 * 1024;
    private static final byte[] ACK = {0};

    private final TlsClientProtocol protocol = new TlsClientProtocol();
    private final TunnelTlsClient tls;
    private final byte[] innerAvps;
    private final int fragmentSize;
    private final ByteArrayOutputStream inbound = new ByteArrayOutputStream();
    private byte[] outbound = new byte[0];
    private int sent;
    private boolean started;
    private boolean innerSent;

    /** The conversation cannot go on; the message says why (for the admin). */
    static final class TunnelFailure extends Exception {
        TunnelFailure(String message) {
            super(message);
        }
    }

    TtlsTunnelClient(TunnelTlsClient tls, byte[] innerAvps) {
        this(tls, innerAvps, FRAGMENT_SIZE);
    }

    TtlsTunnelClient(TunnelTlsClient tls, byte[] innerAvps, int fragmentSize) {
        this.tls = tls;
        this.innerAvps = innerAvps.clone();
        this.fragmentSize = fragmentSize;
    }

    /** The type data of our response to one EAP-TTLS request. */
    byte[] respond(byte[] typeData) throws TunnelFailure {
        TlsFrame frame = TlsFrame.parse(typeData)
                .orElseThrow(() -> new TunnelFailure("malformed EAP-TTLS request (no flags, or L without a length)"));
        if ((frame.flags() & TlsFrame.START) != 0) {
            if (started) {
                throw new TunnelFailure("the server restarted EAP-TTLS in the middle of the handshake");
            }
            started = true;
            try {
                protocol.connect(tls);
            } catch (IOException e) {
                throw new TunnelFailure("TLS client could not start: " + e.getMessage());
            }
            return beginSending(drainOutput());
        }
        if (!started) {
            throw new TunnelFailure("the server sent EAP-TTLS data before the Start");
        }
        byte[] data = frame.data();
        if (sent < outbound.length) {
            if (data.length > 0 || frame.more()) {
                throw new TunnelFailure("the server sent data while we were sending fragments");
            }
            return nextFragment();
        }
        if (frame.lengthIncluded() && frame.length() > MAX_MESSAGE_SIZE
                || inbound.size() + data.length > MAX_MESSAGE_SIZE) {
            throw new TunnelFailure("the server's TLS message exceeds " + MAX_MESSAGE_SIZE + " octets");
        }
        inbound.writeBytes(data);
        if (frame.more()) {
            return ACK;
        }
        byte[] message = inbound.toByteArray();
        inbound.reset();
        return process(message);
    }

    private byte[] process(byte[] message) throws TunnelFailure {
        try {
            if (message.length > 0) {
                protocol.offerInput(message);
            }
            if (tls.handshakeComplete() && !innerSent) {
                innerSent = true;
                protocol.writeApplicationData(innerAvps, 0, innerAvps.length);
                Arrays.fill(innerAvps, (byte) 0);
            }
        } catch (TlsFatalAlert alert) {
            throw new TunnelFailure(tls.refusal() != null ? "server certificate refused: " + tls.refusal()
                    : "TLS alert " + AlertDescription.getText(alert.getAlertDescription()));
        } catch (IOException | RuntimeException e) {
            throw new TunnelFailure("TLS error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return beginSending(drainOutput());
    }

    private byte[] beginSending(byte[] data) {
        outbound = data;
        sent = 0;
        return data.length == 0 ? ACK : nextFragment();
    }

    private byte[] nextFragment() {
        int count = Math.min(fragmentSize, outbound.length - sent);
        int flags = sent + count < outbound.length ? TlsFrame.MORE_FRAGMENTS : 0;
        long length = outbound.length > fragmentSize && sent == 0 ? outbound.length : -1;
        byte[] typeData = TlsFrame.encode(flags, length, outbound, sent, count);
        sent += count;
        return typeData;
    }

    private byte[] drainOutput() {
        int available = protocol.getAvailableOutputBytes();
        byte[] out = new byte[available];
        int read = available == 0 ? 0 : protocol.readOutput(out, 0, available);
        return read == available ? out : Arrays.copyOf(out, read);
    }

    /** Whether the inner AVPs went out (the handshake completed and the server may decide). */
    boolean innerSent() {
        return innerSent;
    }

    TunnelTlsClient tls() {
        return tls;
    }

    void close() {
        Arrays.fill(innerAvps, (byte) 0);
        try {
            protocol.close();
        } catch (IOException | RuntimeException ignored) {
            // an in-memory protocol only drops its state
        }
    }
}
