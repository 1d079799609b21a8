package nl.govroam.server.realm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.govroam.server.config.RealmConfig;
import nl.govroam.server.config.RealmSanityConfig;

/**
 * Routes an Access-Request by its outer User-Name (federation-rules.md 3): parse the NAI (RFC 7542), apply the
 * realm sanity rules and the deny list (federation-rules.md 2), then find our realm. Realms are matched
 * case-insensitively, exactly or, where the realm has {@code subdomains} on, as a parent domain
 * ({@code a.nijmegen.nl} matches {@code nijmegen.nl}; {@code xnijmegen.nl} never does). The configured list is
 * ordered and the first match wins.
 *
 * <p>Immutable and thread-safe; a config reload builds a new router. A lookup is one hash probe per realm label.
 */
public final class Router {

    /** A configured realm with its place in the configured order. */
    private record Candidate(int order, RealmConfig config) {
    }

    private final Map<String, Candidate> exact;
    private final Map<String, Candidate> parentDomains;
    private final RealmDenyList denyList;
    private final RealmConfig defaultRoute;

    public Router(List<RealmConfig> realms, RealmSanityConfig sanity) {
        Map<String, Candidate> exact = new HashMap<>();
        Map<String, Candidate> parentDomains = new HashMap<>();
        RealmConfig defaultRoute = null;
        for (int order = 0; order < realms.size(); order++) {
            RealmConfig config = realms.get(order);
            if (config.isDefaultRoute()) {
                defaultRoute = defaultRoute == null ? config : defaultRoute;
                continue;
            }
            String key = RealmNames.comparable(config.realm());
            Candidate candidate = new Candidate(order, config);
            exact.putIfAbsent(key, candidate);
            if (config.subdomains()) {
                parentDomains.putIfAbsent(key, candidate);
            }
        }
        this.exact = Map.copyOf(exact);
        this.parentDomains = Map.copyOf(parentDomains);
        this.denyList = new RealmDenyList(sanity.denyRealms());
        this.defaultRoute = defaultRoute;
    }

    /** Decides the route of one request from its outer User-Name (may be null). Never throws on bad input. */
    public Route route(String outerUserName) {
        return switch (NaiParser.parse(outerUserName)) {
            case NaiResult.Invalid invalid -> new Route.Reject(invalid.reason(), invalid.detail());
            case NaiResult.Valid valid -> route(valid.nai());
        };
    }

    private Route route(Nai nai) {
        String key = RealmNames.comparable(nai.realm());
        Optional<String> deniedBy = denyList.match(key);
        if (deniedBy.isPresent()) {
            return new Route.Reject(RouteRejection.DENIED_REALM,
                    "realm " + nai.realm() + " is on the deny list (" + deniedBy.get() + ")");
        }
        Candidate match = lookup(key);
        RealmConfig config = match != null ? match.config() : defaultRoute;
        if (config == null) {
            return new Route.Reject(RouteRejection.NOT_LOCAL,
                    "no route for realm " + nai.realm() + ": federation proxying is not configured");
        }
        if (config.proxied()) {
            return new Route.Proxy(nai, config.realm(), config.pool());
        }
        return new Route.Local(nai, config.realm(), config.directory());
    }

    /** The earliest configured realm matching exactly or, with subdomains on, as a parent domain at a label boundary. */
    private Candidate lookup(String key) {
        Candidate best = exact.get(key);
        for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
            Candidate parent = parentDomains.get(key.substring(dot + 1));
            if (parent != null && (best == null || parent.order() < best.order())) {
                best = parent;
            }
        }
        return best;
    }
}
