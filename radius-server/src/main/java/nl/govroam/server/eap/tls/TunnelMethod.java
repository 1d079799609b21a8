package nl.govroam.server.eap.tls;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.server.eap.AccountCheck;
import nl.govroam.server.eap.MethodHandler;
import nl.govroam.server.eap.MethodStep;

/**
 * The part every TLS-based method shares: start, fragments both ways and the handshake; the method takes over
 * once the handshake is complete.
 */
public abstract class TunnelMethod implements MethodHandler {
    protected final TlsTunnel tunnel;

    protected TunnelMethod(TlsTunnel tunnel) {
        this.tunnel = tunnel;
    }

    @Override
    public byte[] start() {
        return TlsTunnel.startTypeData();
    }

    @Override
    public Optional<String> tlsVersion() {
        EapKeys keys = tunnel.keys();
        return keys == null ? Optional.empty() : Optional.of(keys.tlsVersion());
    }

    @Override
    public boolean computes(byte[] typeData) {
        return tunnel.computes(typeData);
    }

    @Override
    public final MethodStep step(byte[] typeData, AccountCheck accounts) {
        return switch (tunnel.receive(typeData)) {
            case TlsTunnel.Reply reply -> new MethodStep.Continue(reply.typeData());
            case TlsTunnel.Failed failed -> new MethodStep.Failure(
                    failed.reason().startsWith(TlsTunnel.CERTIFICATE_REFUSED) ? "client-certificate-refused" : "tls-failed",
                    failed.reason());
            case TlsTunnel.Received received when !received.established() -> received.output().length > 0
                    ? new MethodStep.Continue(tunnel.send(received.output()))
                    : new MethodStep.Failure("tls-failed", "the TLS handshake did not progress");
            case TlsTunnel.Received received -> {
                try {
                    yield established(received, accounts);
                } catch (IOException e) {
                    yield MethodStep.encryptionFailed(e);
                }
            }
        };
    }

    /** A round after the handshake completed (or the round that completed it). */
    protected abstract MethodStep established(TlsTunnel.Received received, AccountCheck accounts) throws IOException;

    /** Sends pending handshake output followed by {@code plain} encrypted. */
    protected MethodStep.Continue sendInner(byte[] pendingOutput, byte[] plain) throws IOException {
        byte[] records = tunnel.encrypt(plain);
        byte[] all = new byte[pendingOutput.length + records.length];
        System.arraycopy(pendingOutput, 0, all, 0, pendingOutput.length);
        System.arraycopy(records, 0, all, pendingOutput.length, records.length);
        return new MethodStep.Continue(tunnel.send(all));
    }

    /**
     * A resumed TLS session of an earlier whole successful authentication (the cache holds no other): instead of
     * the inner method, the account must still exist and be enabled in the directory. A refusal drops the session.
     */
    protected CompletionStage<MethodStep> recheckResumed(CachedAuthorization cached, AccountCheck accounts) {
        return accounts.stillEnabled(cached.identity()).thenApply(verdict -> {
            if (verdict instanceof AccountCheck.Accepted accepted) {
                return new MethodStep.Success(msk(), accepted.account());
            }
            if (verdict instanceof AccountCheck.Refused refused) {
                tunnel.refuseResumed();
                return new MethodStep.Failure(refused.reason(), "on resuming a TLS session: " + refused.detail());
            }
            return MethodStep.from(verdict);
        });
    }

    @Override
    public boolean resumed() {
        return tunnel.resumed().isPresent();
    }

    @Override
    public void keepForResumption(String directory, AuthOutcome.Accepted account) {
        innerIdentity().ifPresent(identity -> tunnel.keepForResumption(
                new CachedAuthorization(type(), directory, name(), identity, account)));
    }

    /** The MSK, once established. */
    protected byte[] msk() {
        return tunnel.keys().msk();
    }

    @Override
    public void close() {
        tunnel.close();
    }
}
