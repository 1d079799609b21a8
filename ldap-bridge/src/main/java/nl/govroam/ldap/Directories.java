package nl.govroam.ldap;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;

/** Opens directories. */
public final class Directories {
    private Directories() {
    }

    /**
     * Opens a directory: builds the connection pools lazily (the service starts even when the directory is down)
     * and starts the dead-server probe.
     *
     * @throws IllegalArgumentException when a URL is not {@code ldap://} or {@code ldaps://}, or the CA file cannot
     *                                  be read (configuration errors, not directory failures)
     */
    public static DirectoryAuthenticator open(DirectorySettings settings) {
        TrustManager[] trustManagers = CaTrust.trustManagers(settings.caFile());
        List<LdapServer> servers = new ArrayList<>();
        for (URI url : settings.urls()) {
            ConnectionOpener opener = new ConnectionOpener(url, settings, trustManagers);
            servers.add(new LdapServer(opener, new CircuitBreaker(settings.name(), opener.url(), Clock.systemUTC()),
                    settings));
        }
        return new LdapDirectory(settings, servers);
    }
}
