package nl.govroam.ldap;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checks a password by binding as the user on an exclusive connection of the user-bind pool, never on a search
 * connection (those stay bound as the service account, so no re-bind of the service account is ever needed).
 */
final class UserBind {
    private UserBind() {
    }

    /** Empty when the password is right; a rejection when the directory said invalidCredentials. */
    static CompletableFuture<Optional<AuthOutcome.Rejected>> check(LdapServer server, LoopPool bindPool,
            String userDn, byte[] password) {
        return bindPool.acquire().thenCompose(lease -> server.opener().simpleBind(lease.connection(), userDn, password)
                .thenApply(result -> switch (result) {
                    case SUCCESS -> Optional.<AuthOutcome.Rejected>empty();
                    case INVALID_CREDENTIALS -> Optional.of(new AuthOutcome.Rejected(RejectReason.WRONG_PASSWORD,
                            "invalid credentials for " + userDn));
                    default -> {
                        lease.broken();
                        throw ServerCallFailure.directoryError(server.url() + ": bind as " + userDn + " failed: "
                                + result.getMessage()).unchecked();
                    }
                })
                .whenComplete((outcome, failure) -> lease.release()));
    }
}
