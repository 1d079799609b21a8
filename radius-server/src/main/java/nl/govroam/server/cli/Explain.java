package nl.govroam.server.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import nl.govroam.ldap.DirectorySettings;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.DirectoryConfig;
import nl.govroam.server.config.FticksConfig;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.realm.Router;
import nl.govroam.server.transport.ClientRegistry;

/**
 * {@code govroam explain USER@REALM [--client NAME|IP]}: the route decision for an outer User-Name and why, from the
 * config alone, without sending anything or contacting a directory. Exit 0 when it would be authenticated, 1 when
 * it would be rejected or dropped.
 */
final class Explain {
    private Explain() {
    }

    static int run(GovroamConfig config, String userName, String clientArgument, PrintStream out, PrintStream err) {
        out.println("user name: " + userName);
        Optional<ClientConfig> client = Optional.empty();
        if (clientArgument != null) {
            client = findClient(config, clientArgument);
            if (client.isEmpty()) {
                out.println("client: no configured client is named or has the address " + clientArgument);
                out.println("decision: dropped without an answer (unknown-client): only configured clients are answered");
                return Main.FAILED;
            }
            ClientConfig c = client.get();
            out.println("client: " + c.name() + " (" + c.address() + ", " + c.role().name().toLowerCase() + ", operator "
                    + c.operator() + ", message-authenticator " + (c.requireMessageAuthenticator() ? "required" : "not required")
                    + ")");
        }
        Route route = new Router(config.realms(), config.realmSanity()).route(userName);
        return switch (route) {
            case Route.Reject reject -> {
                out.println("decision: Access-Reject, reason " + reject.reason().code());
                out.println("why: " + reject.detail());
                out.println("rule: " + rule(reject));
                yield Main.FAILED;
            }
            case Route.Local local -> {
                out.println("realm: " + local.nai().realm() + " matches configured realm " + local.realm()
                        + (local.nai().realm().equalsIgnoreCase(local.realm()) ? "" : " (subdomains: true)"));
                out.println("decision: authenticated locally against directory " + local.directory());
                config.directory(local.directory()).ifPresent(d -> directory(d, local, out));
                out.println("login name: user '" + local.nai().user() + "', realm '" + local.nai().realm() + "'");
                out.println("f-ticks: " + fticks(config, client));
                yield Main.OK;
            }
            case Route.Proxy proxy -> proxy(config, client, proxy, out);
        };
    }

    private static int proxy(GovroamConfig config, Optional<ClientConfig> client, Route.Proxy proxy, PrintStream out) {
        if (client.map(c -> c.role() == ClientRole.FEDERATION).orElse(false)) {
            out.println("decision: Access-Reject, reason not-local");
            out.println("why: a federation peer sent a realm that is not ours; it is never sent back out (loop prevention)");
            return Main.FAILED;
        }
        out.println("realm: " + proxy.nai().realm() + " is not ours; route " + proxy.realm() + " -> pool " + proxy.pool());
        out.println("decision: proxied to the federation");
        config.federation().pool(proxy.pool()).ifPresent(pool -> {
            Optional<java.util.Map<String, String>> states = RunningPeerStates.read(config);
            out.println("pool: " + pool.name() + " (" + pool.balance().name().toLowerCase().replace('_', '-')
                    + "), peers in order:");
            pool.peers().forEach(name -> config.federation().peer(name).ifPresent(peer -> out.println("  peer "
                    + peer.name() + " " + peer.address().getHostAddress() + ":" + peer.port() + " "
                    + peer.transport().name().toLowerCase() + RunningPeerStates.suffix(states, peer.name()))));
            out.println(RunningPeerStates.source(states));
        });
        out.println("f-ticks: " + fticks(config, client));
        return Main.OK;
    }

    private static void directory(DirectoryConfig d, Route.Local local, PrintStream out) {
        switch (d) {
            case DirectoryConfig.EmbeddedDemo demo -> out.println("directory: embedded demo directory (DEMO ONLY)");
            case DirectoryConfig.Ldap ldap -> {
                DirectorySettings s = ldap.settings();
                out.println("directory urls, tried in order: " + String.join(" ", s.urls().stream().map(Object::toString).toList())
                        + (s.startTls() ? " (StartTLS)" : ""));
                out.println("search: base " + s.userBaseDn() + ", filter " + s.userFilter()
                        .replace("{user}", local.nai().user()).replace("{realm}", local.nai().realm())
                        .replace("{nai}", local.nai().user() + "@" + local.nai().realm()) + " (values escaped when sent)");
                s.requiredGroupDn().ifPresent(g -> out.println("required group: " + g));
                s.disabledGroupDn().ifPresent(g -> out.println("disabled group: " + g));
            }
        }
    }

    private static String fticks(GovroamConfig config, Optional<ClientConfig> client) {
        if (!config.operations().fticks().enabled()) {
            return "off";
        }
        if (client.map(c -> c.role() == ClientRole.FEDERATION).orElse(false)) {
            return "reported: our user abroad (roaming)";
        }
        return config.operations().fticks().report() == FticksConfig.Report.ALL ? "reported (report: all)"
                : "not reported: a home user at home (report: roaming)";
    }

    private static String rule(Route.Reject reject) {
        return switch (reject.reason()) {
            case NOT_LOCAL -> "not one of our realms, and no federation peer is configured to send it to";
            case DENIED_REALM -> "realm-sanity.deny-realms of the config (federation-rules.md 2)";
            default -> "realm sanity (federation-rules.md 2, RFC 7542): never forwarded, always answered";
        };
    }

    private static Optional<ClientConfig> findClient(GovroamConfig config, String nameOrAddress) {
        List<ClientConfig> byName = config.clients().stream().filter(c -> c.name().equals(nameOrAddress)).toList();
        if (!byName.isEmpty()) {
            return Optional.of(byName.get(0));
        }
        if (!nameOrAddress.matches("[0-9a-fA-F:.]+")) {
            return Optional.empty();
        }
        try {
            return new ClientRegistry(config.clients()).find(InetAddress.getByName(nameOrAddress));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }
}
