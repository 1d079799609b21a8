package nl.govroam.server.eap.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * One EAP conversation's TLS: Bouncy Castle's {@link TlsServerProtocol} in non-blocking mode (bytes in, bytes
 * out, no threads, no sockets) behind the EAP-TLS framing: incoming fragments are acknowledged and joined, outgoing
 * data is fragmented and sent as the peer acknowledges each piece. Not thread-safe: one request works on it at a time.
 */
public final class TlsTunnel {
    /** How a failure caused by our refusal of the client certificate starts. */
    static final String CERTIFICATE_REFUSED = "client certificate refused";

    private final TlsServerProtocol protocol = new TlsServerProtocol();
    private final EapTlsServer server;
    private final ResumptionScope resumption;
    private final Reassembly inbound;
    private final int fragmentSize;
    private Fragments outbound;
    private boolean wasEstablished;

    /** What one response from the peer led to. */
    public sealed interface Event {
    }

    /** Framing only (acknowledge a fragment, or the next piece of ours): send this type data. */
    public record Reply(byte[] typeData) implements Event {
    }

    /**
     * A whole TLS message was processed, or the peer acknowledged our last piece ({@code acknowledgement}).
     *
     * @param output          TLS records to send (handshake messages, alerts); may be empty
     * @param applicationData decrypted inner data; may be empty
     * @param established     the handshake is complete
     * @param justEstablished it completed with this message
     * @param acknowledgement the peer sent an empty response (an ACK of our last data)
     */
    public record Received(byte[] output, byte[] applicationData, boolean established, boolean justEstablished,
                           boolean acknowledgement) implements Event {
    }

    /** The conversation cannot go on. */
    public record Failed(String reason) implements Event {
    }

    TlsTunnel(TlsServerSettings settings, int eapType, EapTlsServer.ClientCertificateCheck clientCheck,
              ResumptionScope resumption, int fragmentSize, int maxMessageSize) throws IOException {
        this.server = new EapTlsServer(settings, eapType, clientCheck, resumption);
        this.resumption = resumption;
        this.inbound = new Reassembly(maxMessageSize);
        this.fragmentSize = fragmentSize;
        protocol.accept(server);
    }

    /** A tunnel for PEAP or TTLS (no client certificate). */
    public static TlsTunnel open(TlsServerSettings settings, int eapType, ResumptionScope resumption,
                                 int fragmentSize, int maxMessageSize) throws IOException {
        return new TlsTunnel(settings, eapType, null, resumption, fragmentSize, maxMessageSize);
    }

    /** A tunnel for EAP-TLS: the client certificate is required and checked by {@code check}. */
    public static TlsTunnel openWithClientCertificate(TlsServerSettings settings, int eapType,
                                                      ClientCertificateValidator check, ResumptionScope resumption,
                                                      int fragmentSize, int maxMessageSize) throws IOException {
        return new TlsTunnel(settings, eapType, check::refusal, resumption, fragmentSize, maxMessageSize);
    }

    /** The type data of the start request (S flag, version 0). */
    public static byte[] startTypeData() {
        return new byte[] {(byte) TlsFrame.START};
    }

    /** Handles the type data of one response. Never throws for bad input. */
    public Event receive(byte[] typeData) {
        TlsFrame frame = TlsFrame.parse(typeData).orElse(null);
        if (frame == null) {
            return new Failed("malformed TLS frame (no flags, or L without a length)");
        }
        if (outbound != null && outbound.hasMore()) {
            if (frame.dataLength() != 0 || frame.more()) {
                return new Failed("peer sent data while we were sending fragments");
            }
            return new Reply(outbound.next());
        }
        Reassembly.Result joined = inbound.add(frame);
        return switch (joined) {
            case Reassembly.Refused refused -> new Failed(refused.reason());
            case Reassembly.NeedMore more -> new Reply(new byte[] {0});
            case Reassembly.Complete complete -> process(complete.message());
        };
    }

    /**
     * Whether {@link #receive} of this response will run TLS handshake arithmetic, so that the caller can run it off
     * the event loop: the whole ClientHello, answered with the server's signature and key share, and every later whole
     * handshake flight of the client until the tunnel is up (TLS 1.2: its key share, the X25519 exchange of some 25
     * microseconds and the Finished; TLS 1.3: its Finished; with a client certificate, EAP-TLS, also the certificate
     * path and signature checks). Fragments, acknowledgements and records after the handshake stay on the event loop.
     * The key exchange went to the event loop before; on 2 shared cores moving it off was worth 8% more handshakes/s
     * at 64 outstanding (bench/results/2026-11-26-kex-off-loop.md).
     */
    public boolean computes(byte[] typeData) {
        boolean heavyStage = outbound == null || !wasEstablished && !outbound.hasMore();
        if (!heavyStage) {
            return false;
        }
        TlsFrame frame = TlsFrame.parse(typeData).orElse(null);
        return frame != null && frame.dataLength() > 0 && !frame.more();
    }

    private Event process(byte[] message) {
        if (message.length == 0) {
            return new Received(new byte[0], new byte[0], protocol.isConnected() && wasEstablished, false, true);
        }
        try {
            protocol.offerInput(message);
        } catch (TlsFatalAlert alert) {
            return new Failed(describe(alert));
        } catch (IOException | RuntimeException e) {
            return new Failed("TLS error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        boolean established = server.keys() != null && !protocol.isHandshaking();
        boolean just = established && !wasEstablished;
        wasEstablished |= established;
        return new Received(drainOutput(), readApplicationData(), established, just, false);
    }

    private String describe(TlsFatalAlert alert) {
        String refusal = server.clientRefusal();
        if (refusal != null) {
            return CERTIFICATE_REFUSED + ": " + refusal;
        }
        return "TLS alert " + org.bouncycastle.tls.AlertDescription.getText(alert.getAlertDescription())
                + (alert.getMessage() == null ? "" : ": " + alert.getMessage());
    }

    /** Starts sending TLS data (output and/or encrypted application data): the type data of the first request. */
    public byte[] send(byte[] tlsData) {
        outbound = new Fragments(tlsData, fragmentSize, 0);
        return outbound.next();
    }

    /** Encrypts inner data into TLS records (to pass to {@link #send}, perhaps after handshake output). */
    public byte[] encrypt(byte[] plain) throws IOException {
        protocol.writeApplicationData(plain, 0, plain.length);
        return drainOutput();
    }

    /** What the cached session this handshake resumed was authorised for; empty after a full handshake. */
    public Optional<CachedAuthorization> resumed() {
        return Optional.ofNullable(server.resumed()).map(SessionCache.Entry::authorization);
    }

    /**
     * The whole EAP method succeeded on a full TLS 1.2 handshake: the session may be resumed from now on, with what
     * the accept needed. Does nothing when resumption is off, after TLS 1.3, or when this was itself a resumption
     * (the lifetime runs from the full authentication).
     */
    public void keepForResumption(CachedAuthorization authorization) {
        if (server.session() != null && server.resumed() == null) {
            resumption.cache().ifPresent(c -> c.put(server.session(), authorization));
        }
    }

    /** The account check refused a resumed session: it is dropped from the cache. */
    public void refuseResumed() {
        SessionCache.Entry entry = server.resumed();
        if (entry != null) {
            resumption.cache().ifPresent(c -> c.refuse(entry.session().getSessionID()));
        }
    }

    /** The keys, once established; else null. */
    public EapKeys keys() {
        return server.keys();
    }

    private byte[] drainOutput() {
        int available = protocol.getAvailableOutputBytes();
        byte[] out = new byte[available];
        int read = available == 0 ? 0 : protocol.readOutput(out, 0, available);
        return read == available ? out : java.util.Arrays.copyOf(out, read);
    }

    private byte[] readApplicationData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int n;
            while ((n = protocol.applicationDataAvailable()) > 0) {
                byte[] chunk = new byte[n];
                int read = protocol.readApplicationData(chunk, 0, n);
                out.write(chunk, 0, read);
            }
        } catch (IOException e) {
            return out.toByteArray();
        }
        return out.toByteArray();
    }

    /** Drops the TLS state. */
    public void close() {
        try {
            protocol.close();
        } catch (IOException | RuntimeException ignored) {
            // closing an in-memory protocol only drops state
        }
        EapKeys k = server.keys();
        if (k != null) {
            k.destroy();
        }
    }
}
