package nl.govroam.server.service;

import java.util.Map;
import java.util.Optional;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.eap.EapServer;
import nl.govroam.server.realm.Router;
import nl.govroam.server.transport.ClientRegistry;

/**
 * Everything a request needs, fixed for its whole life: the config it was received under, the client registry and
 * router built from it, the open directories by name, and the EAP server when the config has an {@code eap:} section.
 * A reload swaps one reference to a new snapshot.
 */
public record ServiceSnapshot(
        GovroamConfig config,
        ClientRegistry clients,
        Router router,
        Map<String, DirectoryAuthenticator> directories,
        Optional<EapServer> eap) {

    public ServiceSnapshot {
        directories = Map.copyOf(directories);
        eap = eap == null ? Optional.empty() : eap;
    }

    /** A snapshot without EAP. */
    public ServiceSnapshot(GovroamConfig config, ClientRegistry clients, Router router,
                           Map<String, DirectoryAuthenticator> directories) {
        this(config, clients, router, directories, Optional.empty());
    }

    public Optional<DirectoryAuthenticator> directory(String name) {
        return Optional.ofNullable(directories.get(name));
    }
}
