package nl.govroam.server.service;

import java.util.Map;
import java.util.Optional;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.realm.Router;
import nl.govroam.server.transport.ClientRegistry;

/**
 * Everything a request needs, fixed for its whole life: the config it was received under, the client registry and
 * router built from it, and the open directories by name. A reload swaps one reference to a new snapshot.
 */
public record ServiceSnapshot(
        GovroamConfig config,
        ClientRegistry clients,
        Router router,
        Map<String, DirectoryAuthenticator> directories) {

    public ServiceSnapshot {
        directories = Map.copyOf(directories);
    }

    public Optional<DirectoryAuthenticator> directory(String name) {
        return Optional.ofNullable(directories.get(name));
    }
}
