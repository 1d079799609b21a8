package nl.govroam.server.realm;

import java.util.List;
import java.util.Optional;

/**
 * The configured realms that are rejected locally and never routed (eduroam realm sanity, federation-rules.md 2).
 * Globs are case-insensitive and {@code *} matches any characters, so {@code hotmail.*} denies {@code hotmail.co.uk}
 * and {@code *.local} denies {@code printer.local}. Each glob is split once into its literal parts and matched with
 * plain string comparisons (every request is checked: a regular expression with {@code .*} alternatives cost more
 * than the rest of routing). Immutable.
 */
final class RealmDenyList {

    /** One glob: the literals between its stars, in order; a glob without a star is one literal. */
    private record Glob(String glob, String[] literals) {
        static Glob of(String glob) {
            return new Glob(glob, RealmNames.comparable(glob).split("\\*", -1));
        }

        /** Leftmost-first matching is exact for globs whose only wildcard is {@code *}. */
        boolean matches(String s) {
            if (literals.length == 1) {
                return s.equals(literals[0]);
            }
            String first = literals[0];
            String last = literals[literals.length - 1];
            if (!s.startsWith(first) || s.length() < first.length() + last.length()) {
                return false;
            }
            int at = first.length();
            int end = s.length() - last.length();
            for (int i = 1; i < literals.length - 1; i++) {
                int found = s.indexOf(literals[i], at);
                if (found < 0 || found + literals[i].length() > end) {
                    return false;
                }
                at = found + literals[i].length();
            }
            return s.startsWith(last, end);
        }
    }

    private final List<Glob> globs;

    RealmDenyList(List<String> globs) {
        this.globs = globs.stream().map(Glob::of).toList();
    }

    /** The first glob that denies the realm, given in {@link RealmNames#comparable} form; empty if none does. */
    Optional<String> match(String comparableRealm) {
        for (Glob glob : globs) {
            if (glob.matches(comparableRealm)) {
                return Optional.of(glob.glob());
            }
        }
        return Optional.empty();
    }
}
