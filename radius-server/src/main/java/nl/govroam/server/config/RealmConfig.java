package nl.govroam.server.config;

/**
 * A realm route: served by one of our directories, or proxied to a federation pool. Matching is case-insensitive; the
 * realms list is ordered and the first match wins. The realm {@value #DEFAULT_REALM} is the default route: every
 * well-formed realm that no other entry matches goes to its pool.
 *
 * @param realm      e.g. {@code nijmegen.nl}, or {@value #DEFAULT_REALM}
 * @param subdomains also match {@code *.realm} (e.g. {@code medewerkers.nijmegen.nl})
 * @param directory  the name of a configured directory; null for a proxied realm
 * @param pool       the name of a configured peer pool; null for a local realm
 */
public record RealmConfig(String realm, boolean subdomains, String directory, String pool) {

    /** The default route's realm: everything not matched by another entry. */
    public static final String DEFAULT_REALM = "*";

    /** A local realm served by {@code directory}. */
    public RealmConfig(String realm, boolean subdomains, String directory) {
        this(realm, subdomains, directory, null);
    }

    public boolean proxied() {
        return pool != null;
    }

    public boolean isDefaultRoute() {
        return DEFAULT_REALM.equals(realm);
    }
}
