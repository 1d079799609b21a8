package nl.govroam.server.realm;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configured realms that are rejected locally and never routed (eduroam realm sanity, federation-rules.md 2),
 * compiled once into a single pattern. Globs are case-insensitive and {@code *} matches any characters, so
 * {@code hotmail.*} denies {@code hotmail.co.uk} and {@code *.local} denies {@code printer.local}. Immutable.
 */
final class RealmDenyList {

    private final List<String> globs;
    private final Pattern pattern;

    RealmDenyList(List<String> globs) {
        this.globs = List.copyOf(globs);
        StringBuilder regex = new StringBuilder();
        for (String glob : this.globs) {
            regex.append(regex.isEmpty() ? "(" : "|(").append(toRegex(RealmNames.comparable(glob))).append(')');
        }
        this.pattern = this.globs.isEmpty() ? null : Pattern.compile(regex.toString());
    }

    /** The first glob that denies the realm, given in {@link RealmNames#comparable} form; empty if none does. */
    Optional<String> match(String comparableRealm) {
        if (pattern == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(comparableRealm);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        for (int group = 1; group <= globs.size(); group++) {
            if (matcher.group(group) != null) {
                return Optional.of(globs.get(group - 1));
            }
        }
        return Optional.of(globs.get(0));
    }

    /** Each glob is one capturing group; the quoted literal parts contain none, so group i is glob i. */
    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] literals = glob.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return regex.toString();
    }
}
