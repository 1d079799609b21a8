package nl.govroam.server.ops;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.ldap.ServerHealth;
import nl.govroam.server.audit.AuthEvent;
import nl.govroam.server.audit.AuthEventListener;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.config.RealmConfig;
import nl.govroam.server.proxy.PeerState;
import nl.govroam.server.transport.DropReason;
import nl.govroam.server.transport.MessageAuthenticatorUse;
import nl.govroam.server.transport.TransportCounters;

/**
 * The server's metrics, rendered in the Prometheus text format. Counts each final decision by client, realm, route
 * and result, with latency histograms; reads the transport counters, directory health and reload history at scrape
 * time. Every label value comes from the configuration (client names, realms, directory names and URLs) or from a
 * fixed set (results, reasons, drop reasons); anything else is {@code other}: never a user name or a MAC address.
 */
public final class Metrics implements AuthEventListener {
    /** What the part of a route before its colon must look like to become a label value. */
    private static final java.util.regex.Pattern ROUTE_KIND = java.util.regex.Pattern.compile("[a-z]{1,20}");
    /** What a reject reason must look like to become a label value of its own. */
    private static final java.util.regex.Pattern REASON_CODE = java.util.regex.Pattern.compile("[a-z0-9-]{1,40}");
    static final String OTHER = "other";
    private static final int MAX_REASONS = 64;
    private static final String[] REQUEST_LABELS = {"client", "realm", "route", "result"};

    private record RequestKey(String client, String realm, String route, String result) {
    }

    private final TransportCounters transport;
    private final Supplier<GovroamConfig> config;
    private final Supplier<Map<String, DirectoryAuthenticator>> directories;
    private final ReloadHistory reloads;
    private final Supplier<Optional<Map<String, Long>>> eapSessions;
    private final ConcurrentHashMap<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> rejectReasons = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LatencyHistogram> latency = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Gauge> gauges = new ConcurrentHashMap<>();
    private volatile Supplier<Map<String, PeerState>> peerStates = Map::of;

    private record Gauge(String help, DoubleSupplier value) {
    }

    /**
     * @param eapSessions the EAP session store's counters ({@code live}, {@code created}, {@code expired},
     *                    {@code evicted}, {@code unknown-state}), read at scrape time; empty while EAP is off
     */
    public Metrics(TransportCounters transport, Supplier<GovroamConfig> config,
                   Supplier<Map<String, DirectoryAuthenticator>> directories, ReloadHistory reloads,
                   Supplier<Optional<Map<String, Long>>> eapSessions) {
        this.transport = transport;
        this.config = config;
        this.directories = directories;
        this.reloads = reloads;
        this.eapSessions = eapSessions;
    }

    /** Adds a gauge read at scrape time, e.g. live EAP sessions; {@code name} must be a valid metric name. */
    public void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, new Gauge(help, value));
    }

    /** Where the federation peers' health is read at scrape time (peer names come from the config). */
    public void peerStates(Supplier<Map<String, PeerState>> states) {
        this.peerStates = states;
    }

    @Override
    public void onDecision(AuthEvent e) {
        GovroamConfig current = config.get();
        String result = e.result().code();
        requests.computeIfAbsent(new RequestKey(client(current, e.client()), realm(current, e.realm()),
                route(current, e.route()), result), k -> new LongAdder()).increment();
        if (e.result() != AuthEvent.Result.ACCEPT) {
            String reason = e.reason() == null || !REASON_CODE.matcher(e.reason()).matches() ? OTHER : e.reason();
            if (!rejectReasons.containsKey(reason) && rejectReasons.size() >= MAX_REASONS) {
                reason = OTHER;
            }
            rejectReasons.computeIfAbsent(reason, k -> new LongAdder()).increment();
        }
        latency.computeIfAbsent(result, k -> new LatencyHistogram()).observe(e.latencyMicros() / 1_000_000.0);
    }

    /** A configured client: a UDP client, or a federation client of the RadSec listener. */
    static String client(GovroamConfig config, String name) {
        return ClientNames.of(config).contains(name) ? name : OTHER;
    }

    /** The client names of one config, built once per config (a decision asks for every request). */
    private record ClientNames(GovroamConfig config, java.util.Set<String> names) {
        private static volatile ClientNames last;

        static java.util.Set<String> of(GovroamConfig config) {
            ClientNames known = last;
            if (known == null || known.config() != config) {
                java.util.Set<String> names = new java.util.HashSet<>();
                config.clients().forEach(c -> names.add(c.name()));
                config.federation().radsecListener().ifPresent(l -> l.clients().forEach(c -> names.add(c.name())));
                known = new ClientNames(config, java.util.Set.copyOf(names));
                last = known;
            }
            return known.names();
        }
    }

    /** The configured realm the request's realm belongs to (itself or, with subdomains, a parent), else other. */
    static String realm(GovroamConfig config, String realm) {
        if (realm == null || realm.isEmpty()) {
            return OTHER;
        }
        String r = realm.toLowerCase(Locale.ROOT);
        for (RealmConfig c : config.realms()) {
            if (r.equals(c.realm()) || c.subdomains() && r.endsWith("." + c.realm())) {
                return c.realm();
            }
        }
        return OTHER;
    }

    static String route(GovroamConfig config, String route) {
        if (route == null) {
            return OTHER;
        }
        if (route.equals("local")) {
            return route;
        }
        int colon = route.indexOf(':');
        if (colon > 0 && route.startsWith("directory:") && config.directory(route.substring(colon + 1)).isPresent()) {
            return route;
        }
        return colon > 0 && ROUTE_KIND.matcher(route).region(0, colon).matches() ? route.substring(0, colon) : OTHER;
    }

    /** The whole exposition, read now. */
    public String render() {
        PrometheusText out = new PrometheusText();
        out.family("govroam_access_requests_total", "counter",
                "Final Access-Request decisions by client, realm (configured, else other), route and result");
        requests.forEach((k, v) -> out.sample("govroam_access_requests_total", REQUEST_LABELS,
                new String[] {k.client(), k.realm(), k.route(), k.result()}, v.sum()));
        out.family("govroam_access_rejects_total", "counter", "Access-Rejects and unanswered decisions by reason");
        rejectReasons.forEach((reason, v) -> out.sample("govroam_access_rejects_total", new String[] {"reason"},
                new String[] {reason}, v.sum()));
        out.family("govroam_access_request_duration_seconds", "histogram",
                "Time from arrival to decision (without the reject delay), by result");
        latency.forEach((result, h) -> h.write(out, "govroam_access_request_duration_seconds",
                new String[] {"result"}, new String[] {result}));
        writeTransport(out);
        writeClients(out);
        writeDirectories(out);
        writePeers(out);
        writeReloads(out);
        eapSessions.get().ifPresent(counters -> writeEapSessions(out, counters));
        gauges.forEach((name, g) -> out.family(name, "gauge", g.help()).sample(name, g.value().getAsDouble()));
        return out.toString();
    }

    private void writeTransport(PrometheusText out) {
        out.family("govroam_datagrams_received_total", "counter", "UDP datagrams received on both ports")
                .sample("govroam_datagrams_received_total", transport.received());
        out.family("govroam_replies_sent_total", "counter", "Replies sent, Status-Server answers included")
                .sample("govroam_replies_sent_total", transport.replies());
        out.family("govroam_duplicates_answered_total", "counter", "Retransmissions answered from the reply cache")
                .sample("govroam_duplicates_answered_total", transport.duplicatesAnswered());
        out.family("govroam_drops_total", "counter", "Datagrams and requests given no reply, by reason");
        for (DropReason reason : DropReason.values()) {
            out.sample("govroam_drops_total", new String[] {"reason"}, new String[] {reason.code()},
                    transport.drops(reason));
        }
    }

    private void writeClients(PrometheusText out) {
        GovroamConfig current = config.get();
        out.family("govroam_client_require_message_authenticator", "gauge",
                "1 when the client's Access-Requests must carry Message-Authenticator (BlastRADIUS)");
        for (ClientConfig c : current.clients()) {
            out.sample("govroam_client_require_message_authenticator", new String[] {"client"},
                    new String[] {c.name()}, c.requireMessageAuthenticator() ? 1 : 0);
        }
        out.family("govroam_client_access_requests_total", "counter", "Access-Requests by client and whether they "
                + "carried Message-Authenticator: a client with none absent can be switched to require it");
        out.family("govroam_client_proxy_state_without_message_authenticator_total", "counter",
                "Access-Requests with Proxy-State but without Message-Authenticator (always dropped)");
        for (Map.Entry<String, MessageAuthenticatorUse> e : transport.messageAuthenticatorUse().entrySet()) {
            String[] labels = {"client", "message_authenticator"};
            out.sample("govroam_client_access_requests_total", labels, new String[] {e.getKey(), "present"},
                    e.getValue().withMessageAuthenticator());
            out.sample("govroam_client_access_requests_total", labels, new String[] {e.getKey(), "absent"},
                    e.getValue().withoutMessageAuthenticator());
            out.sample("govroam_client_proxy_state_without_message_authenticator_total", new String[] {"client"},
                    new String[] {e.getKey()}, e.getValue().proxyStateWithoutMessageAuthenticator());
        }
    }

    private void writeDirectories(PrometheusText out) {
        out.family("govroam_directory_server_up", "gauge",
                "1 while the directory server is in use, 0 while its circuit breaker is open");
        directories.get().forEach((name, directory) -> {
            for (ServerHealth h : directory.health()) {
                out.sample("govroam_directory_server_up", new String[] {"directory", "url"},
                        new String[] {name, h.url()}, h.up() ? 1 : 0);
            }
        });
    }

    /** The bounded EAP session store: live conversations, and why conversations ended without a decision. */
    private static void writeEapSessions(PrometheusText out, Map<String, Long> counters) {
        out.family("govroam_eap_sessions", "gauge", "EAP conversations waiting for their next round (bounded by "
                + "eap.sessions.max)").sample("govroam_eap_sessions", counters.getOrDefault("live", 0L));
        out.family("govroam_eap_sessions_created_total", "counter", "EAP conversations started (first challenge sent)")
                .sample("govroam_eap_sessions_created_total", counters.getOrDefault("created", 0L));
        out.family("govroam_eap_sessions_expired_total", "counter", "EAP conversations dropped after "
                + "eap.sessions.idle-timeout without a next round")
                .sample("govroam_eap_sessions_expired_total", counters.getOrDefault("expired", 0L));
        out.family("govroam_eap_sessions_evicted_total", "counter", "EAP conversations evicted, oldest first, to stay "
                + "within eap.sessions.max").sample("govroam_eap_sessions_evicted_total",
                counters.getOrDefault("evicted", 0L));
        out.family("govroam_eap_unknown_state_total", "counter", "EAP responses whose State is unknown, expired or "
                + "evicted (answered with a reject)").sample("govroam_eap_unknown_state_total",
                counters.getOrDefault("unknown-state", 0L));
        if (counters.containsKey("resumption-live")) {
            writeEapResumption(out, counters);
        }
    }

    /** The cache of resumable TLS sessions (eap.resumption on): size, and what happened to the sessions. */
    private static void writeEapResumption(PrometheusText out, Map<String, Long> counters) {
        out.family("govroam_eap_resumable_sessions", "gauge", "TLS sessions of successful EAP authentications "
                + "kept for resumption (bounded by eap.resumption.max-sessions)")
                .sample("govroam_eap_resumable_sessions", counters.get("resumption-live"));
        out.family("govroam_eap_resumption_total", "counter", "Resumable TLS sessions by event: stored after a "
                + "successful full authentication, resumed, expired, evicted, refused (account check failed)");
        for (String event : new String[] {"stored", "resumed", "expired", "evicted", "refused"}) {
            out.sample("govroam_eap_resumption_total", new String[] {"event"}, new String[] {event},
                    counters.getOrDefault("resumption-" + event, 0L));
        }
    }

    private void writePeers(PrometheusText out) {
        out.family("govroam_peer_state", "gauge", "1 for the federation peer's current health (alive, zombie, dead; "
                + "federation-rules.md 8), 0 for the others");
        peerStates.get().forEach((peer, state) -> {
            for (PeerState s : PeerState.values()) {
                out.sample("govroam_peer_state", new String[] {"peer", "state"},
                        new String[] {peer, s.name().toLowerCase(Locale.ROOT)}, s == state ? 1 : 0);
            }
        });
    }

    private void writeReloads(PrometheusText out) {
        out.family("govroam_config_reloads_total", "counter", "Config reloads by result (failed: the old config "
                + "kept serving)");
        out.sample("govroam_config_reloads_total", new String[] {"result"}, new String[] {"ok"}, reloads.succeeded());
        out.sample("govroam_config_reloads_total", new String[] {"result"}, new String[] {"failed"}, reloads.failed());
        ReloadHistory.Attempt last = reloads.last();
        out.family("govroam_config_last_reload_success", "gauge", "1 when the last reload was taken, 0 when refused; "
                + "absent before the first");
        out.family("govroam_config_last_reload_timestamp_seconds", "gauge", "When the last reload was tried");
        if (last != null) {
            out.sample("govroam_config_last_reload_success", last.succeeded() ? 1 : 0);
            out.sample("govroam_config_last_reload_timestamp_seconds", last.time().getEpochSecond());
        }
    }
}
