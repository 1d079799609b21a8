package nl.govroam.server.eap;

import java.util.Locale;
import java.util.Optional;

/**
 * The eduroam rules for inner and outer identity (RFC 7542 2.4; FreeRADIUS {@code filter_inner_outer_identity}):
 * the inner user part is never empty or anonymous; with the same user part the realms must match; with different
 * user parts the outer must be anonymous and the inner realm the outer realm or a sub-realm of it. A missing realm
 * on either side is allowed.
 */
public final class IdentityRules {

    /** Why an identity pair is refused: a stable reason code and a detail for the log. */
    public record Refusal(String reason, String detail) {
    }

    private IdentityRules() {
    }

    /** The user part: before the last {@code @}, or all of it. */
    public static String userPart(String nai) {
        int at = nai.lastIndexOf('@');
        return at < 0 ? nai : nai.substring(0, at);
    }

    /** The realm: after the last {@code @}, or empty. */
    public static String realmPart(String nai) {
        int at = nai.lastIndexOf('@');
        return at < 0 ? "" : nai.substring(at + 1);
    }

    /** An anonymous outer user part: empty ({@code @realm}, RFC 7542's advice), {@code anonymous} or {@code anon}. */
    public static boolean isAnonymous(String userPart) {
        String u = userPart.toLowerCase(Locale.ROOT);
        return u.isEmpty() || u.equals("anonymous") || u.equals("anon");
    }

    /** Empty when the pair may go on to the directory. */
    public static Optional<Refusal> check(String outer, String inner) {
        String innerUser = userPart(inner);
        if (isAnonymous(innerUser)) {
            return Optional.of(new Refusal("anonymous-inner-identity", "the inner identity '" + inner
                    + "' is anonymous; it must name the user"));
        }
        String outerUser = userPart(outer);
        String outerRealm = realmPart(outer).toLowerCase(Locale.ROOT);
        String innerRealm = realmPart(inner).toLowerCase(Locale.ROOT);
        if (outerRealm.isEmpty() || innerRealm.isEmpty()) {
            return Optional.empty();
        }
        if (outerUser.equalsIgnoreCase(innerUser)) {
            return outerRealm.equals(innerRealm) ? Optional.empty() : Optional.of(mismatch(outer, inner));
        }
        if (!isAnonymous(outerUser)) {
            return Optional.of(new Refusal("outer-identity-not-anonymous", "outer '" + outer + "' and inner '" + inner
                    + "' name different users; the outer identity must be anonymous"));
        }
        boolean sameOrSub = innerRealm.equals(outerRealm) || innerRealm.endsWith("." + outerRealm);
        return sameOrSub ? Optional.empty() : Optional.of(mismatch(outer, inner));
    }

    private static Refusal mismatch(String outer, String inner) {
        return new Refusal("realm-mismatch", "inner realm of '" + inner + "' is not the outer realm of '" + outer
                + "' or a sub-realm of it");
    }
}
