package nl.govroam.server.proxy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.PeerConfig;
import nl.govroam.server.config.PeerTransportKind;

/** One federation peer: its config, its health and the transport that reaches it. */
final class Peer implements AutoCloseable {
    private final PeerConfig config;
    private final PeerHealth health;
    private final PeerTransport transport;
    private final AccountingOpener accountingOpener;
    private PeerTransport accounting;
    private volatile Future<?> probing;

    /** Opens the transport for forwarded accounting, on first use. */
    interface AccountingOpener {
        PeerTransport open() throws InterruptedException;
    }

    Peer(PeerConfig config, PeerTransport transport, AccountingOpener accountingOpener) {
        this.config = config;
        this.transport = transport;
        this.accountingOpener = accountingOpener;
        this.health = new PeerHealth(config.name(), config.answersToAlive(), config.zombiePeriod());
    }

    String name() {
        return config.name();
    }

    PeerConfig config() {
        return config;
    }

    PeerHealth health() {
        return health;
    }

    byte[] secret() {
        return config.secret().bytes();
    }

    /** Over RadSec, TLS gives integrity; Message-Authenticator is required on UDP replies (federation-rules.md 4). */
    boolean udp() {
        return config.transport() == PeerTransportKind.UDP;
    }

    CompletableFuture<PeerAnswer> send(PacketCode code, RequestEncoder encoder) {
        return transport.send(code, encoder, true);
    }

    /** Forwards an Accounting-Request (retransmitted identically over UDP, as Access-Requests are). */
    CompletableFuture<PeerAnswer> sendAccounting(RequestEncoder encoder) {
        try {
            return accountingTransport().send(PacketCode.ACCOUNTING_REQUEST, encoder, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new PeerTimeoutException("interrupted"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new PeerTimeoutException("accounting socket: " + e.getMessage()));
        }
    }

    private synchronized PeerTransport accountingTransport() throws InterruptedException {
        if (accounting == null) {
            accounting = accountingOpener.open();
        }
        return accounting;
    }

    /**
     * Sends a Status-Server probe (RFC 5997): never retransmitted, a fresh Identifier and a random authenticator,
     * Message-Authenticator included.
     */
    CompletableFuture<PeerAnswer> probe() {
        byte[] secret = secret();
        return transport.send(PacketCode.STATUS_SERVER, (id, authenticator) -> PacketEncoder.encodeRequest(
                PacketCode.STATUS_SERVER, id, authenticator, List.<RadiusAttribute>of(), secret, true), false);
    }

    /** The Status-Server schedule, cancelled when the peer is closed. */
    void probing(Future<?> schedule) {
        this.probing = schedule;
    }

    @Override
    public void close() {
        Future<?> schedule = probing;
        if (schedule != null) {
            schedule.cancel(false);
        }
        transport.close();
        synchronized (this) {
            if (accounting != null && accounting != transport) {
                accounting.close();
            }
        }
    }
}
