package nl.govroam.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One validated configuration snapshot. Immutable: a reload builds a new one and swaps one reference,
 * so a request sees one snapshot from start to end.
 */
public record GovroamConfig(
        Path source,
        ServerConfig server,
        AccountingConfig accounting,
        RealmSanityConfig realmSanity,
        List<ClientConfig> clients,
        List<DirectoryConfig> directories,
        List<RealmConfig> realms,
        OperationsConfig operations,
        Optional<EapConfig> eap,
        FederationConfig federation) {

    public GovroamConfig {
        clients = List.copyOf(clients);
        directories = List.copyOf(directories);
        realms = List.copyOf(realms);
        eap = eap == null ? Optional.empty() : eap;
        federation = federation == null ? FederationConfig.NONE : federation;
    }

    /** A config without federation proxying. */
    public GovroamConfig(Path source, ServerConfig server, AccountingConfig accounting, RealmSanityConfig realmSanity,
                         List<ClientConfig> clients, List<DirectoryConfig> directories, List<RealmConfig> realms,
                         OperationsConfig operations, Optional<EapConfig> eap) {
        this(source, server, accounting, realmSanity, clients, directories, realms, operations, eap,
                FederationConfig.NONE);
    }

    /** A config without EAP (PAP only). */
    public GovroamConfig(Path source, ServerConfig server, AccountingConfig accounting, RealmSanityConfig realmSanity,
                         List<ClientConfig> clients, List<DirectoryConfig> directories, List<RealmConfig> realms,
                         OperationsConfig operations) {
        this(source, server, accounting, realmSanity, clients, directories, realms, operations, Optional.empty());
    }

    /** A config without EAP, F-ticks or metrics (unit tests of other stages). */
    public GovroamConfig(Path source, ServerConfig server, AccountingConfig accounting, RealmSanityConfig realmSanity,
                         List<ClientConfig> clients, List<DirectoryConfig> directories, List<RealmConfig> realms) {
        this(source, server, accounting, realmSanity, clients, directories, realms, OperationsConfig.defaults());
    }

    public Optional<DirectoryConfig> directory(String name) {
        return directories.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
