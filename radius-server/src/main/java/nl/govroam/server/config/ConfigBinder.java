package nl.govroam.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Binds the whole file: the top-level sections, each list item, then the cross-reference checks. */
final class ConfigBinder {

    static final List<String> TOP_KEYS = List.of("server", "accounting", "realm-sanity", "clients", "directories",
            "realms", "peers", "pools", "federation", "fticks", "metrics", "eap");
    static final Path DEFAULT_ACCOUNTING_DIRECTORY = Path.of("var/accounting");

    private final Path file;
    private final Problems problems;
    private final ClientsBinder clientsBinder;
    private final DirectoriesBinder directoriesBinder;
    private final OperationsBinder operationsBinder;
    private final EapBinder eapBinder;
    private final FederationBinder federationBinder;

    ConfigBinder(Path file, Problems problems, Map<String, String> environment) {
        this.file = file;
        this.problems = problems;
        Path configDirectory = file.toAbsolutePath().getParent();
        SecretResolver secrets = new SecretResolver(environment, configDirectory);
        this.clientsBinder = new ClientsBinder(secrets);
        this.directoriesBinder = new DirectoriesBinder(secrets, configDirectory);
        this.operationsBinder = new OperationsBinder(secrets);
        this.eapBinder = new EapBinder(secrets, configDirectory);
        this.federationBinder = new FederationBinder(problems, secrets, configDirectory);
    }

    Optional<GovroamConfig> bind(YamlNode root) {
        Optional<MapReader> top = MapReader.of(new MapReader.Field("", root, "", root.line()), problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        MapReader config = top.get();
        config.allowOnly(TOP_KEYS);
        ServerConfig server = config.map("server").map(ServerBinder::bind).orElseGet(ServerBinder::defaults);
        AccountingConfig accounting = config.map("accounting").map(ConfigBinder::accounting)
                .orElse(new AccountingConfig(DEFAULT_ACCOUNTING_DIRECTORY));
        Optional<RealmSanityConfig> sanity = config.map("realm-sanity").map(ConfigBinder::realmSanity)
                .orElse(Optional.of(new RealmSanityConfig(RealmSanityConfig.DEFAULT_DENY_REALMS)));
        List<Bound<ClientConfig>> clients = each(config, "clients", "clients the server answers (access points, "
                + "controllers, federation proxies)", clientsBinder::bind);
        List<Bound<DirectoryConfig>> directories = each(config, "directories", "directories users are checked "
                + "against", directoriesBinder::bind);
        List<Bound<RealmConfig>> realms = each(config, "realms", "realms this server serves, each with its "
                + "directory", RealmsBinder::bind);
        OperationsConfig operations = operationsBinder.bind(config);
        Optional<EapConfig> eap = config.map("eap").flatMap(eapBinder::bind);
        new CrossReferenceValidator(problems).validate(clients, directories, realms, sanity);
        Optional<FederationConfig> federation = federationBinder.bind(config, realms);
        if (problems.errorCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(new GovroamConfig(file, server, accounting, sanity.orElseThrow(), values(clients),
                values(directories), values(realms), operations, eap, federation.orElseThrow()));
    }

    private <T> List<Bound<T>> each(MapReader config, String key, String what, Function<MapReader, Optional<T>> binder) {
        List<Bound<T>> bound = new ArrayList<>();
        Optional<List<MapReader.Field>> items = config.requiredField(key, "list the " + what).flatMap(config::items);
        if (items.isPresent() && items.get().isEmpty()) {
            problems.error(config.lineOf(key), config.pathOf(key), "list at least one; the " + what);
        }
        for (MapReader.Field item : items.orElse(List.of())) {
            MapReader.of(item, problems).ifPresent(reader -> bound.add(new Bound<>(binder.apply(reader), reader)));
        }
        return bound;
    }

    private static <T> List<T> values(List<Bound<T>> bound) {
        return bound.stream().map(b -> b.value().orElseThrow()).toList();
    }

    /** A relative directory is relative to the server's working directory (systemd: WorkingDirectory=). */
    private static AccountingConfig accounting(MapReader accounting) {
        accounting.allowOnly(List.of("directory"));
        return new AccountingConfig(accounting.string("directory").map(Path::of).orElse(DEFAULT_ACCOUNTING_DIRECTORY));
    }

    private static Optional<RealmSanityConfig> realmSanity(MapReader sanity) {
        sanity.allowOnly(List.of("deny-realms"));
        if (!sanity.has("deny-realms")) {
            return Optional.of(new RealmSanityConfig(RealmSanityConfig.DEFAULT_DENY_REALMS));
        }
        List<String> patterns = new ArrayList<>();
        for (MapReader.Field item : sanity.list("deny-realms").orElse(List.of())) {
            sanity.text(item).map(String::strip).ifPresent(pattern -> {
                if (pattern.chars().anyMatch(Character::isWhitespace) || pattern.contains("@")) {
                    sanity.problems().error(item.line(), item.path(), "'" + pattern + "' is not a realm pattern; "
                            + "write a domain, optionally with *, e.g. gmail.com or *.local");
                } else {
                    patterns.add(pattern);
                }
            });
        }
        return Optional.of(new RealmSanityConfig(patterns));
    }
}
