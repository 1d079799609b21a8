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
        FederationConfig federation) {

    /** A config without federation proxying. */
    public GovroamConfig(Path source, ServerConfig server, AccountingConfig accounting, RealmSanityConfig realmSanity,
                         List<ClientConfig> clients, List<DirectoryConfig> directories, List<RealmConfig> realms) {
        this(source, server, accounting, realmSanity, clients, directories, realms, FederationConfig.NONE);
    }

    public GovroamConfig {
        clients = List.copyOf(clients);
        directories = List.copyOf(directories);
        realms = List.copyOf(realms);
    }

    public Optional<DirectoryConfig> directory(String name) {
        return directories.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
