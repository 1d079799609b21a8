package nl.govroam.server.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds one item of {@code realms:}: a realm we serve and the directory its users are in, or a realm proxied to a
 * federation pool ({@code pool:}); {@code realm: "*"} with a pool is the default route.
 */
final class RealmsBinder {

    static final List<String> KEYS = List.of("realm", "subdomains", "directory", "pool");

    private RealmsBinder() {
    }

    /** The realm is lower-cased: matching is case-insensitive. */
    static Optional<RealmConfig> bind(MapReader realm) {
        Problems problems = realm.problems();
        int errorsBefore = problems.errorCount();
        realm.allowOnly(KEYS);
        Optional<String> name = realm.requiredString("realm", "write the realm, e.g. realm: nijmegen.nl");
        boolean defaultRoute = name.map(String::strip).filter(RealmConfig.DEFAULT_REALM::equals).isPresent();
        if (!defaultRoute) {
            name.flatMap(ValueChecks::domainProblem).ifPresent(problem ->
                    problems.error(realm.lineOf("realm"), realm.pathOf("realm"), problem));
        }
        boolean subdomains = realm.bool("subdomains", false);
        Optional<String> pool = realm.string("pool");
        Optional<String> directory = Optional.empty();
        if (pool.isPresent() && realm.has("directory")) {
            problems.error(realm.lineOf("pool"), realm.pathOf("pool"), "a realm has either directory: (served "
                    + "here) or pool: (proxied to the federation), not both");
        } else if (pool.isEmpty()) {
            directory = realm.requiredString("directory", defaultRoute
                    ? "the default route \"*\" needs pool: (the federation peers everything else goes to)"
                    : "name the directory (from directories:) that holds this realm's users, or a pool: to proxy it");
        }
        if (defaultRoute && pool.isEmpty() && !realm.has("directory")) {
            return Optional.empty();
        }
        if (defaultRoute && realm.has("directory")) {
            problems.error(realm.lineOf("realm"), realm.pathOf("realm"), "the default route \"*\" can only go to a "
                    + "pool:, never to a directory");
        }
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RealmConfig(name.orElseThrow().strip().toLowerCase(Locale.ROOT), subdomains,
                directory.orElse(null), pool.orElse(null)));
    }
}
