package nl.govroam.server.realm;

import java.util.Objects;

/**
 * A network access identifier {@code user@realm} (RFC 7542 2.1), as parsed from an outer User-Name by
 * {@link NaiParser}. The user part may be empty: {@code @nijmegen.nl} is the anonymous outer identity
 * RFC 7542 2.4 recommends. Both parts keep the case they were sent in.
 *
 * @param user  the part before the {@code @}, possibly empty
 * @param realm the part after the {@code @}, never empty once parsed
 */
public record Nai(String user, String realm) {

    public Nai {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(realm, "realm");
    }

    /** The identity as it is written, {@code user@realm}. */
    @Override
    public String toString() {
        return user + "@" + realm;
    }
}
