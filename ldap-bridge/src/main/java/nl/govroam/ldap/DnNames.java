package nl.govroam.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;

/**
 * DNs compared the way a directory compares them for the usual case-ignoring attributes: attribute types and
 * values case-insensitive, no spaces around separators ({@code CN=Staff, OU=Groups} equals {@code cn=staff,ou=groups}).
 */
final class DnNames {
    private DnNames() {
    }

    /** Normalised forms already computed: the same few group DNs come back in every answer. */
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** A canonical form for comparison only; never sent to a server. */
    static String normalize(String dn) {
        String cached = CACHE.get(dn);
        if (cached != null) {
            return cached;
        }
        String normalized = parseAndNormalize(dn);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(dn, normalized);
        return normalized;
    }

    private static String parseAndNormalize(String dn) {
        try {
            List<String> rdns = new ArrayList<>();
            for (Rdn rdn : new Dn(dn).getRdns()) {
                List<String> avas = new ArrayList<>();
                for (Ava ava : rdn) {
                    avas.add(ava.getType().strip().toLowerCase(Locale.ROOT) + "=" + squeeze(ava.getValue().getString()));
                }
                avas.sort(null);
                rdns.add(String.join("+", avas));
            }
            return String.join(",", rdns);
        } catch (LdapInvalidDnException | RuntimeException e) {
            return squeeze(dn).replaceAll("\\s*([,=+])\\s*", "$1");
        }
    }

    static boolean same(String a, String b) {
        return normalize(a).equals(normalize(b));
    }

    private static String squeeze(String value) {
        return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
