package nl.govroam.ldap;

import java.util.Objects;

/**
 * Who is logging in: the user part and the realm of a network access identifier
 * ({@code jan.jansen@nijmegen.nl} is user {@code jan.jansen}, realm {@code nijmegen.nl}).
 * The realm may be empty where the directory does not need it.
 */
public record LoginName(String user, String realm) {
    public LoginName {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(realm, "realm");
    }

    /** The whole identity, {@code user@realm}, or the user alone when there is no realm. */
    public String nai() {
        return realm.isEmpty() ? user : user + "@" + realm;
    }

    @Override
    public String toString() {
        return nai();
    }
}
