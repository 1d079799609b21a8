package nl.govroam.server.config;

import java.util.List;

/**
 * Realms that are rejected locally and never routed (eduroam realm-sanity rules).
 * Patterns are case-insensitive globs where {@code *} matches any characters: {@code gmail.com}, {@code *.local},
 * {@code hotmail.*}.
 */
public record RealmSanityConfig(List<String> denyRealms) {

    public static final List<String> DEFAULT_DENY_REALMS = List.of(
            "3gppnetwork.org", "*.3gppnetwork.org", "myabc.com", "gmail.com", "hotmail.*", "outlook.com",
            "yahoo.com", "*.local");

    public RealmSanityConfig {
        denyRealms = List.copyOf(denyRealms);
    }
}
