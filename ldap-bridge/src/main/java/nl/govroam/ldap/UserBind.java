package nl.govroam.ldap;

import java.util.Optional;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;

/**
 * Checks a password by binding as the user on a connection of the user-bind pool, never on a search connection
 * (those stay bound as the service account).
 */
final class UserBind {
    private UserBind() {
    }

    /** Empty when the password is right; a rejection when the directory said invalidCredentials. */
    static Optional<AuthOutcome.Rejected> check(LdapServer server, String userDn, char[] password)
            throws ServerCallFailure {
        try (ConnectionPool.Lease lease = server.bindPool().borrow()) {
            ResultCodeEnum result;
            try {
                result = server.opener().simpleBind(lease.connection(), userDn, password);
            } catch (ServerCallFailure failure) {
                lease.broken();
                throw failure;
            }
            return switch (result) {
                case SUCCESS -> Optional.empty();
                case INVALID_CREDENTIALS -> Optional.of(new AuthOutcome.Rejected(RejectReason.WRONG_PASSWORD,
                        "invalid credentials for " + userDn));
                default -> {
                    lease.broken();
                    throw ServerCallFailure.directoryError(server.url() + ": bind as " + userDn + " failed: "
                            + result.getMessage());
                }
            };
        }
    }
}
