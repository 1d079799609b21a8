package nl.govroam.server.proxy;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.MessageAuthenticatorCheck;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.ResponseChecks;

/**
 * The requests outstanding on one socket or connection, by Identifier. An Identifier is not reused before its request
 * is answered or timed out, and is allocated round-robin so a late answer rarely meets a new request (and is then
 * refused by its authenticator anyway; RFC 5080 2.2.2). Used only from the channel's event loop: no locks.
 */
final class PendingRequests {

    /** One request waiting for its answer. */
    static final class Pending {
        final PacketCode code;
        final byte[] authenticator;
        final byte[] wire;
        final CompletableFuture<PeerAnswer> future;
        ScheduledFuture<?> timer;
        int retransmitsLeft;

        Pending(PacketCode code, byte[] authenticator, byte[] wire, CompletableFuture<PeerAnswer> future, int retransmits) {
            this.code = code;
            this.authenticator = authenticator;
            this.wire = wire;
            this.future = future;
            this.retransmitsLeft = retransmits;
        }
    }

    private final Pending[] slots = new Pending[256];
    private int next;
    private int size;

    /** An Identifier taken for one request and the request's octets encoded with it. */
    record Encoded(int id, byte[] wire) {
    }

    /**
     * Takes a free Identifier and encodes the request with it and a fresh Request Authenticator; null, with
     * {@code future} failed, when all 256 are outstanding ({@code full} says so) or the encoder refused. The caller
     * then {@link #put}s it.
     */
    Encoded encode(RequestEncoder encoder, CompletableFuture<PeerAnswer> future, String full) {
        int id = allocate();
        if (id < 0) {
            future.completeExceptionally(new PeerTimeoutException(full));
            return null;
        }
        try {
            return new Encoded(id, encoder.encode(id, nl.govroam.server.codec.PacketEncoder.randomAuthenticator()));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
            return null;
        }
    }

    /** A free Identifier, or -1 when 256 are outstanding. */
    int allocate() {
        for (int i = 0; i < 256; i++) {
            int id = (next + i) & 0xFF;
            if (slots[id] == null) {
                next = (id + 1) & 0xFF;
                return id;
            }
        }
        return -1;
    }

    void put(int id, Pending pending) {
        slots[id] = pending;
        size++;
    }

    Pending get(int id) {
        return slots[id & 0xFF];
    }

    void remove(int id, Pending pending) {
        if (slots[id] == pending) {
            slots[id] = null;
            size--;
        }
    }

    int size() {
        return size;
    }

    /**
     * Matches a reply to its request and verifies it: the Response Authenticator always; Message-Authenticator when
     * present, and required when {@code requireMessageAuthenticator} (BlastRADIUS, federation-rules.md 4). On success
     * the request is removed and its future completed; anything else is ignored (a forged or late answer).
     */
    boolean complete(byte[] datagram, byte[] secret, boolean requireMessageAuthenticator) {
        if (!(PacketDecoder.decode(datagram) instanceof DecodeResult.Decoded decoded)) {
            return false;
        }
        int id = decoded.packet().identifier();
        Pending pending = slots[id];
        if (pending == null || !expectedReply(pending.code, decoded.packet().code())) {
            return false;
        }
        byte[] wire = decoded.wire();
        if (!ResponseChecks.responseAuthenticatorValid(wire, pending.authenticator, secret)) {
            return false;
        }
        MessageAuthenticatorCheck ma = ResponseChecks.messageAuthenticator(wire, pending.authenticator, secret);
        if (ma == MessageAuthenticatorCheck.INVALID
                || ma == MessageAuthenticatorCheck.ABSENT && requireMessageAuthenticator
                && decoded.packet().code() != PacketCode.ACCOUNTING_RESPONSE) {
            return false;
        }
        remove(id, pending);
        if (pending.timer != null) {
            pending.timer.cancel(false);
        }
        pending.future.complete(new PeerAnswer(decoded.packet(), pending.authenticator));
        return true;
    }

    /** Fails every outstanding request (the connection closed). */
    void failAll(String why) {
        for (int id = 0; id < 256; id++) {
            Pending p = slots[id];
            if (p != null) {
                remove(id, p);
                if (p.timer != null) {
                    p.timer.cancel(false);
                }
                p.future.completeExceptionally(new PeerTimeoutException(why));
            }
        }
    }


    private static boolean expectedReply(PacketCode request, PacketCode reply) {
        return switch (request) {
            case ACCESS_REQUEST -> reply == PacketCode.ACCESS_ACCEPT || reply == PacketCode.ACCESS_REJECT
                    || reply == PacketCode.ACCESS_CHALLENGE;
            case STATUS_SERVER -> reply == PacketCode.ACCESS_ACCEPT || reply == PacketCode.ACCOUNTING_RESPONSE;
            case ACCOUNTING_REQUEST -> reply == PacketCode.ACCOUNTING_RESPONSE;
            default -> false;
        };
    }
}
