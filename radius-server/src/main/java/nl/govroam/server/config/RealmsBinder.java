package nl.govroam.server.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binds one item of {@code realms:}: a realm we serve and the directory its users are in. */
final class RealmsBinder {

    static final List<String> KEYS = List.of("realm", "subdomains", "directory");

    private RealmsBinder() {
    }

    /** The realm is lower-cased: matching is case-insensitive. */
    static Optional<RealmConfig> bind(MapReader realm) {
        Problems problems = realm.problems();
        int errorsBefore = problems.errorCount();
        realm.allowOnly(KEYS);
        Optional<String> name = realm.requiredString("realm", "write the realm, e.g. realm: nijmegen.nl");
        name.flatMap(ValueChecks::domainProblem).ifPresent(problem ->
                problems.error(realm.lineOf("realm"), realm.pathOf("realm"), problem));
        boolean subdomains = realm.bool("subdomains", false);
        Optional<String> directory = realm.requiredString("directory",
                "name the directory (from directories:) that holds this realm's users");
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RealmConfig(name.orElseThrow().strip().toLowerCase(Locale.ROOT), subdomains,
                directory.orElseThrow()));
    }
}
