package nl.govroam.server.transport;

import static nl.govroam.server.transport.TransportFixtures.address;
import static nl.govroam.server.transport.TransportFixtures.client;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import nl.govroam.server.config.ClientConfig;
import org.junit.jupiter.api.Test;

class ClientRegistryTest {
    private static final ClientConfig CAMPUS = client("campus", "10.0.0.0/8", true);
    private static final ClientConfig BUILDING = client("building", "10.1.0.0/16", true);
    private static final ClientConfig CONTROLLER = client("controller", "10.1.2.3", true);
    private static final ClientConfig V6_SITE = client("v6-site", "2001:db8::/32", true);
    private static final ClientConfig V6_AP = client("v6-ap", "2001:db8:1::/48", true);

    @Test
    void longestPrefixWinsWhateverTheConfiguredOrder() {
        for (List<ClientConfig> order : List.of(
                List.of(CAMPUS, BUILDING, CONTROLLER),
                List.of(CONTROLLER, BUILDING, CAMPUS),
                List.of(BUILDING, CAMPUS, CONTROLLER))) {
            ClientRegistry registry = new ClientRegistry(order);
            assertEquals(Optional.of(CONTROLLER), registry.find(address("10.1.2.3")), order.toString());
            assertEquals(Optional.of(BUILDING), registry.find(address("10.1.2.4")), order.toString());
            assertEquals(Optional.of(CAMPUS), registry.find(address("10.200.0.1")), order.toString());
        }
    }

    @Test
    void ipv6LongestPrefixWins() {
        ClientRegistry registry = new ClientRegistry(List.of(V6_SITE, V6_AP));
        assertEquals(Optional.of(V6_AP), registry.find(address("2001:db8:1::99")));
        assertEquals(Optional.of(V6_SITE), registry.find(address("2001:db8:2::1")));
    }

    @Test
    void ipv4AndIpv6NeverMatchEachOther() {
        ClientConfig allV4 = client("all-v4", "0.0.0.0/0", true);
        ClientConfig allV6 = client("all-v6", "::/0", true);
        ClientRegistry registry = new ClientRegistry(List.of(allV4, allV6));
        assertEquals(Optional.of(allV4), registry.find(address("198.51.100.7")));
        assertEquals(Optional.of(allV6), registry.find(address("2001:db8::7")));
        assertEquals(Optional.of(allV6), registry.find(address("::1")));

        ClientRegistry v4Only = new ClientRegistry(List.of(allV4));
        assertEquals(Optional.empty(), v4Only.find(address("2001:db8::7")));
        ClientRegistry v6Only = new ClientRegistry(List.of(allV6));
        assertEquals(Optional.empty(), v6Only.find(address("192.0.2.1")));
    }

    @Test
    void unknownSourceIsEmpty() {
        ClientRegistry registry = new ClientRegistry(List.of(CAMPUS, BUILDING, V6_AP));
        assertEquals(Optional.empty(), registry.find(address("192.0.2.1")));
        assertEquals(Optional.empty(), registry.find(address("11.0.0.1")));
        assertEquals(Optional.empty(), registry.find(address("2001:db8:2::1")));
        assertEquals(Optional.empty(), new ClientRegistry(List.of()).find(address("10.1.2.3")));
    }
}
