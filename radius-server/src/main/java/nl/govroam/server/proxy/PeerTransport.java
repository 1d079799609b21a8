package nl.govroam.server.proxy;

import java.util.concurrent.CompletableFuture;
import nl.govroam.server.codec.PacketCode;

/**
 * Sends requests to one peer and matches its replies. The future completes with the verified answer, or
 * exceptionally with {@link PeerTimeoutException} once the response window has passed; it never blocks the caller.
 */
interface PeerTransport extends AutoCloseable {

    /**
     * @param code       the request's code
     * @param encoder    builds the octets for the Identifier and authenticator the transport chose
     * @param retransmit retransmit identically on timeout within the response window (never for Status-Server)
     */
    CompletableFuture<PeerAnswer> send(PacketCode code, RequestEncoder encoder, boolean retransmit);

    @Override
    void close();
}
