package nl.govroam.server.realm;

import java.util.Objects;

/**
 * Where a request goes, decided from the outer User-Name alone (federation-rules.md 3). A sealed type so that every
 * caller handles every route; a later {@code Proxy} route (a federation peer pool) is one more permitted record.
 */
public sealed interface Route {

    /**
     * One of our realms: authenticate against our own directory.
     *
     * @param nai       the parsed outer identity, as sent
     * @param realm     the configured realm that matched, as configured (e.g. {@code nijmegen.nl} for
     *                  {@code jan@medewerkers.NIJMEGEN.nl} when subdomains are on)
     * @param directory the name of the configured directory serving it
     */
    record Local(Nai nai, String realm, String directory) implements Route {
        public Local {
            Objects.requireNonNull(nai, "nai");
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(directory, "directory");
        }
    }

    /**
     * A realm that is not ours: proxy to a federation pool (an explicit route, or the default route {@code *}).
     *
     * @param nai   the parsed outer identity, as sent
     * @param realm the configured realm that matched, or {@code *} for the default route
     * @param pool  the name of the configured peer pool
     */
    record Proxy(Nai nai, String realm, String pool) implements Route {
        public Proxy {
            Objects.requireNonNull(nai, "nai");
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(pool, "pool");
        }
    }

    /**
     * Not routed: answer with an Access-Reject, never with silence (federation-rules.md 2).
     *
     * @param reason the rule, with its stable log code
     * @param detail for the operator's log line; never a password, never a raw control character
     */
    record Reject(RouteRejection reason, String detail) implements Route {
        public Reject {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
