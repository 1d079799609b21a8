package nl.govroam.server.transport;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.config.ClientConfig;

/** Finds the client a datagram came from by its source address; the most specific network wins. Immutable. */
public final class ClientRegistry {
    private final List<ClientConfig> byPrefixDescending;

    public ClientRegistry(List<ClientConfig> clients) {
        this.byPrefixDescending = clients.stream()
                .sorted(Comparator.comparingInt((ClientConfig c) -> c.address().prefixLength()).reversed())
                .toList();
    }

    public Optional<ClientConfig> find(InetAddress source) {
        for (ClientConfig c : byPrefixDescending) {
            if (c.address().contains(source)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
