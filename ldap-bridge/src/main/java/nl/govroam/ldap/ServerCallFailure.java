package nl.govroam.ldap;

/**
 * Why one server could not answer a call. Internal flow control between the LDAP steps and the failover
 * loop; its message is a safe, credential-free reason that ends up in {@link AuthOutcome.Unavailable}.
 */
final class ServerCallFailure extends Exception {

    /** What the failover loop does with the failure. */
    enum Kind {
        /** No answer (connect refused, timeout, TLS failure, connection lost): open the breaker, try the next server. */
        UNREACHABLE,
        /** The service account's bind was refused: the server is alive, try the next one, never open the breaker. */
        SERVICE_BIND_REFUSED,
        /** Every pooled connection is busy for longer than the pool wait: try the next server. */
        BUSY,
        /** The server answered with an error (bad base DN, bad filter, ...): a configuration problem, stop here. */
        DIRECTORY_ERROR
    }

    private final Kind kind;

    ServerCallFailure(Kind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    String reason() {
        return getMessage();
    }

    static ServerCallFailure unreachable(String reason) {
        return new ServerCallFailure(Kind.UNREACHABLE, reason);
    }

    static ServerCallFailure directoryError(String reason) {
        return new ServerCallFailure(Kind.DIRECTORY_ERROR, reason);
    }

    /** For throwing from a completion stage's function; {@link #of} finds this failure in it again. */
    java.util.concurrent.CompletionException unchecked() {
        return new java.util.concurrent.CompletionException(this);
    }

    /**
     * The failure a stage completed with: this kind of failure as it is, anything else (a bug) as null, for the
     * caller to report as an internal error.
     */
    static ServerCallFailure of(Throwable error) {
        Throwable current = error;
        while (current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) {
            if (current.getCause() == null) {
                break;
            }
            current = current.getCause();
        }
        return current instanceof ServerCallFailure failure ? failure : null;
    }

    /** A short description of an exception chain for a reason string: class names and messages, never a stack trace. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        Throwable current = e;
        for (int depth = 0; current != null && depth < 4; depth++, current = current.getCause()) {
            if (depth > 0) {
                out.append(": ");
            }
            String message = current.getMessage();
            out.append(message == null || message.isBlank() ? current.getClass().getSimpleName() : message.strip());
            if (current.getCause() == current) {
                break;
            }
        }
        return out.toString();
    }
}
