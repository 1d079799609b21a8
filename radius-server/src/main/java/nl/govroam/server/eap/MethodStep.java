package nl.govroam.server.eap;

import java.io.IOException;
import java.util.concurrent.CompletionStage;
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

    /**
     * The round waits for the directory without holding a thread; {@code next} completes (never exceptionally for
     * bad input) with one of the other steps, on whichever thread the directory answers on.
     */
    record Pending(CompletionStage<MethodStep> next) implements MethodStep {
    }

    /** What a method does with a directory answer; it may encrypt into its tunnel. */
    @FunctionalInterface
    interface Then<T> {
        MethodStep apply(T answer) throws IOException;
    }

    /** Waits for {@code answer}, then takes the step {@code then} gives; an encryption failure fails the round. */
    static <T> Pending after(CompletionStage<T> answer, Then<T> then) {
        return new Pending(answer.thenApply(a -> {
            try {
                return then.apply(a);
            } catch (IOException e) {
                return encryptionFailed(e);
            }
        }));
    }

    /** The tunnel could not encrypt what the method sends: the round fails. */
    static Failure encryptionFailed(IOException e) {
        return new Failure("tls-failed", "could not encrypt: " + e.getMessage());
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
