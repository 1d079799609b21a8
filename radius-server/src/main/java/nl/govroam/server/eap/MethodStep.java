package nl.govroam.server.eap;

import nl.govroam.ldap.AuthOutcome;

/** What one round of a method led to. */
public sealed interface MethodStep {

    /** Send a request with this type data. */
    record Continue(byte[] typeData) implements MethodStep {
    }

    /** Authenticated: EAP-Success with keys from {@code msk}. */
    record Success(byte[] msk, AuthOutcome.Accepted account) implements MethodStep {
    }

    /** Refused: EAP-Failure. */
    record Failure(String reason, String detail) implements MethodStep {
    }

    /** The directory gave no answer; the caller decides by policy. */
    record Unavailable(String why) implements MethodStep {
    }

    /** From a directory verdict that is not an acceptance. */
    static MethodStep from(AccountCheck.Verdict verdict) {
        return switch (verdict) {
            case AccountCheck.Refused r -> new Failure(r.reason(), r.detail());
            case AccountCheck.Unavailable u -> new Unavailable(u.why());
            case AccountCheck.Accepted a -> throw new IllegalArgumentException("accepted is not a final step here");
        };
    }
}
