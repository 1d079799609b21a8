package nl.govroam.server.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks across list items, after each item was bound on its own: unique names, addresses and realms, realms
 * pointing at configured directories, realms the sanity filter would refuse. Works from the source mappings, so an
 * item with its own errors still takes part (its name is known even if its record could not be built).
 */
final class CrossReferenceValidator {

    private final Problems problems;

    CrossReferenceValidator(Problems problems) {
        this.problems = problems;
    }

    void validate(List<Bound<ClientConfig>> clients, List<Bound<DirectoryConfig>> directories,
                  List<Bound<RealmConfig>> realms, Optional<RealmSanityConfig> sanity) {
        unique(clients, "name", "client name", false);
        uniqueAddresses(clients);
        unique(directories, "name", "directory name", false);
        unique(realms, "realm", "realm", true);
        Set<String> directoryNames = directories.stream()
                .map(d -> d.source().peekString("name").orElse(null))
                .filter(n -> n != null && !n.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        realmDirectories(realms, directoryNames);
        sanity.ifPresent(s -> deniedRealms(realms, s));
        shadowedRealms(realms);
        unusedDirectories(directories, realms);
    }

    private void unique(List<? extends Bound<?>> items, String key, String what, boolean ignoreCase) {
        Map<String, MapReader> first = new HashMap<>();
        for (Bound<?> item : items) {
            MapReader source = item.source();
            Optional<String> value = source.peekString(key).map(String::strip).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                continue;
            }
            String id = ignoreCase ? value.get().toLowerCase(Locale.ROOT) : value.get();
            MapReader earlier = first.putIfAbsent(id, source);
            if (earlier != null) {
                problems.error(source.lineOf(key), source.pathOf(key), "duplicate " + what + " '" + value.get()
                        + "'; " + earlier.path() + " (line " + earlier.lineOf(key) + ") already has it"
                        + (ignoreCase ? " (realms are compared ignoring case)" : ""));
            }
        }
    }

    private void uniqueAddresses(List<Bound<ClientConfig>> clients) {
        Map<IpRange, MapReader> first = new HashMap<>();
        for (Bound<ClientConfig> client : clients) {
            Optional<IpRange> address = client.value().map(ClientConfig::address);
            if (address.isEmpty()) {
                continue;
            }
            MapReader earlier = first.putIfAbsent(address.get(), client.source());
            if (earlier != null) {
                String earlierName = earlier.peekString("name").orElse(earlier.path());
                problems.error(client.source().lineOf("address"), client.source().pathOf("address"), "address "
                        + address.get() + " is already used by client '" + earlierName + "' (line "
                        + earlier.lineOf("address") + "); a source address must identify one client");
            }
        }
    }

    private void realmDirectories(List<Bound<RealmConfig>> realms, Set<String> directoryNames) {
        for (Bound<RealmConfig> realm : realms) {
            MapReader source = realm.source();
            Optional<String> directory = source.peekString("directory").filter(d -> !d.isBlank());
            if (directory.isPresent() && !directoryNames.contains(directory.get())) {
                problems.error(source.lineOf("directory"), source.pathOf("directory"), "unknown directory '"
                        + directory.get() + "'" + Suggestions.didYouMean(directory.get(), directoryNames)
                        + "; known directories: " + MapReader.names(directoryNames));
            }
        }
    }

    private void deniedRealms(List<Bound<RealmConfig>> realms, RealmSanityConfig sanity) {
        for (Bound<RealmConfig> realm : realms) {
            realm.value().ifPresent(r -> sanity.denyRealms().stream()
                    .filter(pattern -> globMatches(pattern, r.realm()))
                    .findFirst()
                    .ifPresent(pattern -> problems.error(realm.source().lineOf("realm"), realm.source().pathOf("realm"),
                            "realm '" + r.realm() + "' matches realm-sanity deny-realms pattern '" + pattern
                                    + "', so it would always be rejected")));
        }
    }

    /** A realm after a realm with subdomains: true that covers it is never reached (first match wins). */
    private void shadowedRealms(List<Bound<RealmConfig>> realms) {
        List<Bound<RealmConfig>> earlier = new ArrayList<>();
        for (Bound<RealmConfig> realm : realms) {
            realm.value().ifPresent(r -> earlier.stream()
                    .filter(e -> e.value().orElseThrow().subdomains()
                            && r.realm().endsWith("." + e.value().orElseThrow().realm()))
                    .findFirst()
                    .ifPresent(e -> problems.warning(realm.source().lineOf("realm"), realm.source().pathOf("realm"),
                            "never matched: " + e.source().path() + " (line " + e.source().lineOf("realm") + ") with "
                                    + "subdomains: true matches it first; move this realm above it")));
            realm.value().ifPresent(r -> earlier.add(realm));
        }
    }

    private void unusedDirectories(List<Bound<DirectoryConfig>> directories, List<Bound<RealmConfig>> realms) {
        Set<String> used = realms.stream().map(r -> r.source().peekString("directory").orElse(""))
                .collect(Collectors.toSet());
        Map<String, MapReader> byName = new LinkedHashMap<>();
        directories.forEach(d -> d.source().peekString("name").ifPresent(n -> byName.putIfAbsent(n, d.source())));
        byName.forEach((name, source) -> {
            if (!used.contains(name)) {
                problems.warning(source.lineOf("name"), source.pathOf("name"), "directory '" + name
                        + "' is not used by any realm");
            }
        });
    }

    /** Case-insensitive glob where {@code *} matches any characters. */
    static boolean globMatches(String pattern, String text) {
        String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("\\*", -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(".*"));
        return text.toLowerCase(Locale.ROOT).matches(regex);
    }
}
