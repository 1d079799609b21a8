package nl.govroam.server.config;

/**
 * A realm served by one of our directories. Matching is case-insensitive; the realms list is ordered and the first
 * match wins.
 *
 * @param realm      e.g. {@code nijmegen.nl}
 * @param subdomains also match {@code *.realm} (e.g. {@code medewerkers.nijmegen.nl})
 * @param directory  the name of a configured directory
 */
public record RealmConfig(String realm, boolean subdomains, String directory) {
}
