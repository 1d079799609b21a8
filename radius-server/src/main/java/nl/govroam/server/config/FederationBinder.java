package nl.govroam.server.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the federation sections ({@code peers:}, {@code pools:}, {@code federation:}) and checks the references
 * between them and the realm routes, reporting every problem with its line.
 */
final class FederationBinder {

    static final List<String> TOP_KEYS = List.of("peers", "pools", "federation");
    static final List<String> POOL_KEYS = List.of("name", "peers", "balance");
    static final List<String> FEDERATION_KEYS = List.of("visitor-vlan", "operator-name", "forward-accounting",
            "radsec-listener");
    static final List<String> LISTENER_KEYS = List.of("address", "port", "certificate", "key", "clients");
    static final List<String> RADSEC_CLIENT_KEYS = List.of("name", "ca", "names", "operator");

    private final Problems problems;
    private final PeersBinder peersBinder;

    FederationBinder(Problems problems, SecretResolver secrets, Path configDirectory) {
        this.problems = problems;
        this.peersBinder = new PeersBinder(secrets, configDirectory);
    }

    Optional<FederationConfig> bind(MapReader config, List<Bound<RealmConfig>> realms) {
        int errorsBefore = problems.errorCount();
        List<Bound<PeerConfig>> peers = items(config, "peers", peersBinder::bind);
        List<Bound<PoolConfig>> pools = items(config, "pools", FederationBinder::pool);
        Optional<MapReader> section = config.map("federation");
        section.ifPresent(s -> s.allowOnly(FEDERATION_KEYS));
        Optional<String> visitorVlan = section.flatMap(s -> s.string("visitor-vlan")).map(String::strip);
        boolean operatorName = section.map(s -> s.bool("operator-name", true)).orElse(true);
        boolean forwardAccounting = section.map(s -> s.bool("forward-accounting", false)).orElse(false);
        Optional<RadSecListenerConfig> listener = section.flatMap(s -> s.map("radsec-listener")).flatMap(this::listener);
        checkReferences(peers, pools, realms);
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new FederationConfig(values(peers), values(pools), visitorVlan, operatorName,
                forwardAccounting, listener));
    }

    private <T> List<Bound<T>> items(MapReader config, String key, java.util.function.Function<MapReader, Optional<T>> binder) {
        List<Bound<T>> bound = new ArrayList<>();
        for (MapReader.Field item : config.list(key).orElse(List.of())) {
            MapReader.of(item, problems).ifPresent(reader -> bound.add(new Bound<>(binder.apply(reader), reader)));
        }
        return bound;
    }

    private static <T> List<T> values(List<Bound<T>> bound) {
        return bound.stream().flatMap(b -> b.value().stream()).toList();
    }

    private static Optional<PoolConfig> pool(MapReader pool) {
        int errorsBefore = pool.problems().errorCount();
        pool.allowOnly(POOL_KEYS);
        Optional<String> name = pool.requiredString("name", "give each pool a unique name, e.g. national");
        Optional<List<String>> peers = pool.requiredField("peers", "list the peer names in fail-over order, e.g. "
                + "peers: [nrs1, nrs2]").flatMap(f -> pool.list("peers")).map(items -> {
                    List<String> names = new ArrayList<>();
                    items.forEach(item -> pool.text(item).map(String::strip).ifPresent(names::add));
                    return names;
                });
        if (peers.isPresent() && peers.get().isEmpty()) {
            pool.problems().error(pool.lineOf("peers"), pool.pathOf("peers"), "list at least one peer");
        }
        PoolBalance balance = pool.choice("balance", PoolBalance.class, PoolBalance.FAIL_OVER);
        if (pool.problems().errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new PoolConfig(name.orElseThrow(), peers.orElseThrow(), balance));
    }

    private Optional<RadSecListenerConfig> listener(MapReader l) {
        int errorsBefore = problems.errorCount();
        l.allowOnly(LISTENER_KEYS);
        InetAddress address = l.string("address").flatMap(text -> {
            Optional<InetAddress> ip = ValueChecks.ipLiteral(text.strip());
            if (ip.isEmpty()) {
                problems.error(l.lineOf("address"), l.pathOf("address"), "'" + text + "' is not an IP address");
            }
            return ip;
        }).orElseGet(() -> ValueChecks.ipLiteral("0.0.0.0").orElseThrow());
        int port = l.integer("port", PeerTransportKind.RADSEC.defaultPort(), 0, 65535);
        Optional<Path> certificate = peersBinder.file(l, "certificate", "our server certificate (PEM)");
        Optional<Path> key = peersBinder.file(l, "key", "our private key (PEM, PKCS#8)");
        List<RadSecClientConfig> clients = new ArrayList<>();
        Optional<List<MapReader.Field>> items = l.requiredField("clients", "list the federation proxies that may "
                + "connect, each with name, ca, names and operator").flatMap(f -> l.list("clients"));
        for (MapReader.Field item : items.orElse(List.of())) {
            MapReader.of(item, problems).flatMap(this::radsecClient).ifPresent(clients::add);
        }
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RadSecListenerConfig(address, port, certificate.orElseThrow(), key.orElseThrow(), clients));
    }

    private Optional<RadSecClientConfig> radsecClient(MapReader c) {
        int errorsBefore = problems.errorCount();
        c.allowOnly(RADSEC_CLIENT_KEYS);
        Optional<String> name = c.requiredString("name", "give the client a name, e.g. nrs1");
        Optional<Path> ca = peersBinder.file(c, "ca", "the CA certificate (PEM) its certificate must chain to");
        Optional<List<String>> names = c.requiredField("names", "list the names its certificate may carry, e.g. "
                + "names: [nrs1.govroam.nl]").flatMap(f -> c.stringList("names"));
        Optional<String> operator = c.requiredString("operator", "write the federation operator's domain, e.g. govroam.nl");
        operator.flatMap(ValueChecks::domainProblem).ifPresent(p -> problems.error(c.lineOf("operator"),
                c.pathOf("operator"), p));
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new RadSecClientConfig(name.orElseThrow(), ca.orElseThrow(), names.orElseThrow(),
                operator.orElseThrow()));
    }

    private void checkReferences(List<Bound<PeerConfig>> peers, List<Bound<PoolConfig>> pools,
                                 List<Bound<RealmConfig>> realms) {
        Set<String> peerNames = uniqueNames(peers, "peer");
        Set<String> poolNames = uniqueNames(pools, "pool");
        for (Bound<PoolConfig> pool : pools) {
            for (MapReader.Field item : pool.source().list("peers").orElse(List.of())) {
                if (item.value() instanceof YamlNode.Scalar s && !peerNames.contains(s.text().strip())) {
                    problems.error(item.line(), item.path(), "unknown peer '" + s.text() + "'"
                            + Suggestions.didYouMean(s.text(), peerNames) + "; known peers: " + MapReader.names(peerNames));
                }
            }
        }
        int defaults = 0;
        for (Bound<RealmConfig> realm : realms) {
            MapReader source = realm.source();
            source.peekString("pool").map(String::strip).filter(p -> !poolNames.contains(p)).ifPresent(p ->
                    problems.error(source.lineOf("pool"), source.pathOf("pool"), "unknown pool '" + p + "'"
                            + Suggestions.didYouMean(p, poolNames) + "; known pools: " + MapReader.names(poolNames)));
            if (realm.value().filter(RealmConfig::isDefaultRoute).isPresent() && ++defaults > 1) {
                problems.error(source.lineOf("realm"), source.pathOf("realm"), "a second default route \"*\"; "
                        + "there can be only one");
            }
        }
    }

    private Set<String> uniqueNames(List<? extends Bound<?>> items, String what) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (Bound<?> item : items) {
            item.source().peekString("name").map(String::strip).ifPresent(n -> {
                if (!seen.add(n)) {
                    problems.error(item.source().lineOf("name"), item.source().pathOf("name"), "duplicate " + what
                            + " name '" + n + "'");
                }
                names.add(n);
            });
        }
        return names;
    }
}
