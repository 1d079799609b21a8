package nl.govroam.ldap;

import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.DnFactory;

/**
 * A DN exactly as a server sent it (an entry's objectName), kept as that string and not parsed. We only ever send
 * such a DN back to the server (as a bind name or a search base) or report it, and the server's own spelling is the
 * safest form for that, escapes included (RFC 4514; Active Directory's {@code CN=Doe\, Jan}). Parsing it would cost
 * more than the rest of the search: the Apache LDAP API 2.1.9 formats a debug message for every attribute type it
 * parses, logged or not. Comparisons go through {@link DnNames}, which parses.
 *
 * <p>The API's {@link Dn} methods that look inside the name (RDNs, normalised form) see an empty DN here; nothing in
 * this package calls them on a {@code ServerDn}.
 */
final class ServerDn extends Dn {
    /** Makes the decoder keep objectNames as they were sent. */
    static final DnFactory FACTORY = new DnFactory() {
        @Override
        public Dn create(String... rdns) {
            return new ServerDn(String.join(",", rdns));
        }

        @Override
        public Dn create(String name) {
            return new ServerDn(name);
        }
    };

    private final String name;

    ServerDn(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isEmpty() {
        return name.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerDn other && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
