package nl.govroam.server.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.govroam.ldap.DirectorySettings;
import nl.govroam.ldap.VlanMapping;

/** Binds one item of {@code directories:}: a municipality's LDAP/AD directory, or the embedded demo directory. */
final class DirectoriesBinder {

    static final List<String> DEMO_KEYS = List.of("name", "embedded-demo");
    static final List<String> LDAP_KEYS = List.of("name", "urls", "start-tls", "ca-file", "bind-dn", "bind-password",
            "user-base-dn", "user-filter", "disabled-group", "disabled-filter", "required-group", "group-base-dn",
            "group-filter", "vlans", "nt-hash-attribute", "timeouts", "pool-size", "dead-server-retry", "embedded-demo");
    static final List<String> TIMEOUT_KEYS = List.of("connect", "operation", "pool-wait");
    static final List<String> VLAN_KEYS = List.of("group", "vlan");
    static final List<String> USER_PLACEHOLDERS = List.of("user", "realm", "nai");
    static final List<String> GROUP_PLACEHOLDERS = List.of("dn", "user");

    private final SecretResolver secrets;
    private final Path configDirectory;

    DirectoriesBinder(SecretResolver secrets, Path configDirectory) {
        this.secrets = secrets;
        this.configDirectory = configDirectory;
    }

    Optional<DirectoryConfig> bind(MapReader directory) {
        Problems problems = directory.problems();
        int errorsBefore = problems.errorCount();
        boolean demo = directory.field("embedded-demo").flatMap(directory::bool).orElse(directory.has("embedded-demo"));
        Optional<String> name = directory.requiredString("name", "give each directory a unique name, e.g. nijmegen");
        Optional<DirectoryConfig> bound = demo ? demo(directory, name) : ldap(directory, name);
        return problems.errorCount() == errorsBefore ? bound : Optional.empty();
    }

    private static Optional<DirectoryConfig> demo(MapReader directory, Optional<String> name) {
        for (String key : directory.keys()) {
            if (DEMO_KEYS.contains(key)) {
                continue;
            }
            if (LDAP_KEYS.contains(key)) {
                directory.problems().error(directory.lineOf(key), directory.pathOf(key), "'" + key + "' cannot be used "
                        + "with embedded-demo: true; the demo directory takes only name (remove embedded-demo to "
                        + "configure a real directory)");
            } else {
                directory.unknownKey(key, DEMO_KEYS);
            }
        }
        return name.map(DirectoryConfig.EmbeddedDemo::new);
    }

    private Optional<DirectoryConfig> ldap(MapReader d, Optional<String> name) {
        Problems problems = d.problems();
        d.allowOnly(LDAP_KEYS);
        List<URI> urls = urls(d);
        boolean startTls = d.bool("start-tls", false);
        if (startTls && urls.stream().anyMatch(u -> u.getScheme().equalsIgnoreCase("ldaps"))) {
            problems.error(d.lineOf("start-tls"), d.pathOf("start-tls"), "start-tls: true cannot be combined with "
                    + "ldaps:// URLs (ldaps is TLS from the start); use ldap:// URLs with start-tls, or ldaps:// without it");
        }
        Optional<Path> caFile = d.string("ca-file").flatMap(text -> existingFile(d, text));
        Optional<String> bindDn = d.requiredString("bind-dn", "the service account's DN, e.g. cn=svc-radius,ou=services,dc=example,dc=nl");
        Optional<Secret> bindPassword = d.requiredField("bind-password",
                "write bind-password: {env: VARIABLE} or {file: /path}").flatMap(f -> secrets.resolve(f, d));
        Optional<String> userBaseDn = d.requiredString("user-base-dn", "where users are searched, e.g. ou=medewerkers,dc=example,dc=nl");
        String userFilter = filter(d, "user-filter", DirectorySettings.DEFAULT_USER_FILTER, USER_PLACEHOLDERS);
        if (!userFilter.contains("{user}") && !userFilter.contains("{nai}")) {
            problems.error(d.lineOf("user-filter"), d.pathOf("user-filter"), "must contain {user} or {nai}, "
                    + "or every login would find the same entry; e.g. (sAMAccountName={user})");
        }
        Optional<String> disabledFilter = d.has("disabled-filter")
                ? Optional.of(filter(d, "disabled-filter", "", USER_PLACEHOLDERS)).filter(s -> !s.isEmpty())
                : Optional.empty();
        String groupFilter = filter(d, "group-filter", DirectorySettings.DEFAULT_GROUP_FILTER, GROUP_PLACEHOLDERS);
        List<VlanMapping> vlans = vlans(d);
        Optional<MapReader> timeouts = d.map("timeouts");
        timeouts.ifPresent(t -> t.allowOnly(TIMEOUT_KEYS));
        Duration connect = timeout(timeouts, "connect", DirectorySettings.DEFAULT_CONNECT_TIMEOUT);
        Duration operation = timeout(timeouts, "operation", DirectorySettings.DEFAULT_OPERATION_TIMEOUT);
        Duration poolWait = timeout(timeouts, "pool-wait", DirectorySettings.DEFAULT_POOL_MAX_WAIT);
        int poolSize = d.integer("pool-size", DirectorySettings.DEFAULT_POOL_SIZE, 1, 256);
        Duration deadServerRetry = d.duration("dead-server-retry", DirectorySettings.DEFAULT_DEAD_SERVER_RETRY, true);
        Optional<String> disabledGroup = d.string("disabled-group");
        Optional<String> requiredGroup = d.string("required-group");
        Optional<String> groupBaseDn = d.string("group-base-dn");
        Optional<String> ntHashAttribute = d.string("nt-hash-attribute");
        if (name.isEmpty() || urls.isEmpty() || bindDn.isEmpty() || bindPassword.isEmpty() || userBaseDn.isEmpty()) {
            return Optional.empty();
        }
        char[] password = bindPassword.get().chars();
        try {
            DirectorySettings settings = DirectorySettings.builder(name.get(), urls, bindDn.get(), password, userBaseDn.get())
                    .startTls(startTls).caFile(caFile.orElse(null)).userFilter(userFilter)
                    .disabledGroupDn(disabledGroup.orElse(null)).disabledFilter(disabledFilter.orElse(null))
                    .requiredGroupDn(requiredGroup.orElse(null)).groupBaseDn(groupBaseDn.orElse(null))
                    .groupFilter(groupFilter).vlans(vlans).ntHashAttribute(ntHashAttribute.orElse(null))
                    .connectTimeout(connect).operationTimeout(operation).poolMaxWait(poolWait)
                    .poolSize(poolSize).deadServerRetry(deadServerRetry)
                    .build();
            return Optional.of(new DirectoryConfig.Ldap(name.get(), settings));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static List<URI> urls(MapReader d) {
        List<URI> urls = new ArrayList<>();
        Optional<List<MapReader.Field>> items = d.requiredField("urls",
                "list the directory servers, e.g. urls: [ldaps://dc1.example.nl, ldaps://dc2.example.nl]").flatMap(d::items);
        if (items.isPresent() && items.get().isEmpty()) {
            d.problems().error(d.lineOf("urls"), d.pathOf("urls"), "list at least one server, e.g. [ldaps://dc1.example.nl]");
        }
        for (MapReader.Field item : items.orElse(List.of())) {
            d.text(item).ifPresent(text -> {
                Optional<String> problem = ValueChecks.ldapUrlProblem(text);
                problem.ifPresent(p -> d.problems().error(item.line(), item.path(), p));
                if (problem.isEmpty()) {
                    URI uri = URI.create(text.strip());
                    urls.add(URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()));
                }
            });
        }
        return urls;
    }

    private Optional<Path> existingFile(MapReader d, String text) {
        Path file = configDirectory.resolve(text.strip());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            d.problems().error(d.lineOf("ca-file"), d.pathOf("ca-file"), "CA file " + file
                    + (Files.exists(file) ? " cannot be read" : " does not exist")
                    + "; give the PEM file of the CA that signed the directory's certificate");
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static String filter(MapReader d, String key, String defaultValue, List<String> placeholders) {
        Optional<String> text = d.string(key);
        Optional<String> problem = text.flatMap(f -> ValueChecks.filterProblem(f, placeholders));
        problem.ifPresent(p -> d.problems().error(d.lineOf(key), d.pathOf(key), p));
        return text.filter(t -> problem.isEmpty()).map(String::strip).orElse(defaultValue);
    }

    private static Duration timeout(Optional<MapReader> timeouts, String key, Duration defaultValue) {
        return timeouts.map(t -> t.duration(key, defaultValue, true)).orElse(defaultValue);
    }

    private static List<VlanMapping> vlans(MapReader d) {
        List<VlanMapping> vlans = new ArrayList<>();
        for (MapReader.Field item : d.list("vlans").orElse(List.of())) {
            MapReader.of(item, d.problems()).ifPresent(v -> {
                v.allowOnly(VLAN_KEYS);
                Optional<String> group = v.requiredString("group", "the DN of the group, e.g. cn=staff,ou=groups,dc=example,dc=nl");
                Optional<String> vlan = v.requiredField("vlan", "a VLAN number 1-4094 or a VLAN name").flatMap(f ->
                        f.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER
                                ? v.whole(f, 1, 4094).map(String::valueOf)
                                : v.text(f));
                if (group.isPresent() && vlan.isPresent()) {
                    vlans.add(new VlanMapping(group.get(), vlan.get()));
                }
            });
        }
        return vlans;
    }
}
