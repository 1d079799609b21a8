package nl.govroam.server.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.govroam.ldap.DirectorySettings;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.DirectoryConfig;
import nl.govroam.server.config.FticksConfig;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.config.MetricsConfig;
import nl.govroam.server.config.RealmConfig;

/** What {@code check-config} prints for a valid file: listeners, clients, directories, realms and where they route. */
final class ConfigSummary {
    private ConfigSummary() {
    }

    static void print(GovroamConfig c, PrintStream out) {
        out.println(c.source() + ": ok: " + c.clients().size() + " clients, " + c.directories().size()
                + " directories, " + c.realms().size() + " realms");
        out.println("listening: " + c.server().address().getHostAddress() + " auth " + c.server().authPort()
                + ", accounting " + c.server().accountingPort());
        out.println("clients:");
        for (ClientConfig client : c.clients()) {
            out.println("  " + client.name() + "  " + client.address() + "  " + client.role().name().toLowerCase()
                    + "  operator " + client.operator() + "  message-authenticator "
                    + (client.requireMessageAuthenticator() ? "required" : "NOT required (BlastRADIUS)")
                    + "  secret " + client.secret().source());
        }
        out.println("directories:");
        for (DirectoryConfig d : c.directories()) {
            out.println("  " + d.name() + "  " + describe(d));
        }
        out.println("realms (first match wins):");
        for (RealmConfig r : c.realms()) {
            out.println("  " + (r.isDefaultRoute() ? "* (any other realm)" : r.realm())
                    + (r.subdomains() ? " and *." + r.realm() : "")
                    + (r.proxied() ? "  -> pool " + r.pool() : "  -> directory " + r.directory()));
        }
        if (c.realms().stream().noneMatch(RealmConfig::isDefaultRoute)) {
            out.println("  any other realm  -> Access-Reject (not-local): no default route to the federation");
        }
        if (c.federation().peers().isEmpty()) {
            out.println("peers: none");
        } else {
            Optional<java.util.Map<String, String>> states = RunningPeerStates.read(c);
            out.println("peers:");
            c.federation().peers().forEach(p -> out.println("  " + p.name() + "  " + p.address().getHostAddress() + ":"
                    + p.port() + "  " + p.transport().name().toLowerCase() + "  response window "
                    + p.responseWindow().toSeconds() + "s, " + p.retries() + " retries"
                    + RunningPeerStates.suffix(states, p.name())));
            out.println("  " + RunningPeerStates.source(states));
            out.println("pools:");
            c.federation().pools().forEach(p -> out.println("  " + p.name() + "  " + String.join(", ", p.peers())
                    + "  (" + p.balance().name().toLowerCase().replace('_', '-') + ")"));
        }
        out.println("realm deny list: " + String.join(", ", c.realmSanity().denyRealms()));
        FticksConfig f = c.operations().fticks();
        out.println("f-ticks: " + (f.enabled() ? f.prefix() + ", " + f.report().name().toLowerCase() + " decisions, csi "
                + f.csi().name().toLowerCase().replace('_', '-') : "off"));
        MetricsConfig m = c.operations().metrics();
        out.println("metrics: " + (m.enabled() ? "http://" + m.address().getHostAddress() + ":" + m.port() + "/metrics"
                : "off"));
        out.println("accounting records: " + c.accounting().directory());
    }

    static String describe(DirectoryConfig d) {
        return switch (d) {
            case DirectoryConfig.EmbeddedDemo demo -> "embedded demo directory (DEMO ONLY)";
            case DirectoryConfig.Ldap ldap -> {
                DirectorySettings s = ldap.settings();
                yield s.urls().stream().map(URI::toString).collect(Collectors.joining(" "))
                        + (s.startTls() ? " (StartTLS)" : "") + "  base " + s.userBaseDn() + "  filter " + s.userFilter();
            }
        };
    }
}
