package nl.govroam.server.service;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.accounting.AccountingProcessor;
import nl.govroam.server.accounting.AccountingRecorder;
import nl.govroam.server.audit.AuditLog;
import nl.govroam.server.audit.AuthEventListeners;
import nl.govroam.server.audit.AuthEventQueue;
import nl.govroam.server.audit.AuthLog;
import nl.govroam.server.audit.FticksLog;
import nl.govroam.server.auth.AccessRequestProcessor;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.eap.EapServer;
import nl.govroam.server.eap.EapServers;
import nl.govroam.server.ops.Metrics;
import nl.govroam.server.ops.MetricsEndpoint;
import nl.govroam.server.ops.ReloadHistory;
import nl.govroam.server.proxy.Federation;
import nl.govroam.server.proxy.radsec.RadSecListener;
import nl.govroam.server.realm.Router;
import nl.govroam.server.transport.ClientRegistry;
import nl.govroam.server.transport.IoThreads;
import nl.govroam.server.transport.RadiusListeners;
import nl.govroam.server.transport.RequestProcessor;
import nl.govroam.server.transport.TransportCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: opens the directories (lazily connecting, so it starts even when a directory is down), builds
 * the first snapshot and binds the listeners and the metrics endpoint. {@link #reload()} swaps in a new snapshot
 * ({@link ConfigReload}). Closing stops taking requests, lets those in flight finish, then closes directories and
 * files.
 */
public final class GovroamService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GovroamService.class);
    /** Decisions waiting for their log lines; beyond this the deciding thread writes its own (never lost). */
    private static final int DECISIONS_QUEUED_MAX = 65_536;

    private final AtomicReference<ServiceSnapshot> current;
    private final TransportCounters counters;
    private final List<AutoCloseable> resources;
    private final OpenDirectories directories;
    private final RequestProcessor authProcessor;
    private final RequestProcessor accountingProcessor;
    private final Metrics metrics;
    private final ReloadHistory reloads;
    private final IoThreads io;
    private AuthEventQueue decisionWriter;
    private Federation federation;
    /** Closes directories a reload retired, once the requests that may still use them are done. */
    private final ScheduledExecutorService retirements = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("govroam-retire").daemon().factory());
    private final java.util.Set<DirectoryAuthenticator> retiring = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile RadiusListeners listeners;
    private volatile MetricsEndpoint metricsEndpoint;

    private GovroamService(AtomicReference<ServiceSnapshot> current, TransportCounters counters,
                           List<AutoCloseable> resources, OpenDirectories directories, RequestProcessor authProcessor,
                           RequestProcessor accountingProcessor, Metrics metrics, ReloadHistory reloads,
                           IoThreads io) {
        this.current = current;
        this.counters = counters;
        this.resources = resources;
        this.directories = directories;
        this.authProcessor = authProcessor;
        this.accountingProcessor = accountingProcessor;
        this.metrics = metrics;
        this.reloads = reloads;
        this.io = io;
    }

    /**
     * Starts the service on a validated config.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException when a listener address cannot be bound (the message says which)
     */
    public static GovroamService start(GovroamConfig config) throws InterruptedException {
        List<AutoCloseable> resources = new ArrayList<>();
        GovroamService service = null;
        try {
            IoThreads io = IoThreads.start();
            resources.add(io);
            OpenDirectories directories = new OpenDirectories(io.group());
            resources.add(directories);
            Map<String, DirectoryAuthenticator> opened = directories.update(config).directories();
            AccountingRecorder recorder = new AccountingRecorder(config.accounting().directory());
            resources.add(recorder);
            AtomicReference<ServiceSnapshot> current = new AtomicReference<>(snapshot(config, opened,
                    EapServers.create(config, Optional.empty())));
            TransportCounters counters = new TransportCounters();
            ReloadHistory reloads = new ReloadHistory();
            Metrics metrics = new Metrics(counters, () -> current.get().config(), () -> current.get().directories(),
                    reloads, () -> current.get().eap().map(EapServer::sessionCounters));
            Federation federation = Federation.start(config.federation(), io.group());
            resources.add(federation);
            AuthEventQueue decisionWriter = new AuthEventQueue(new AuthEventListeners(List.of(new AuthLog(),
                    new AuditLog(), new FticksLog(() -> current.get().config()))), DECISIONS_QUEUED_MAX);
            resources.add(decisionWriter);
            metrics.gauge("govroam_decision_log_queued", "Decisions waiting for their auth log, audit and F-ticks "
                    + "lines (written by their own thread; growing means a slow log sink)", decisionWriter::queued);
            AccessRequestProcessor access = new AccessRequestProcessor(
                    new AuthEventListeners(List.of(metrics, decisionWriter)), federation);
            service = new GovroamService(current, counters, resources, directories, access,
                    new AccountingProcessor(recorder, federation), metrics, reloads, io);
            service.federation = federation;
            service.decisionWriter = decisionWriter;
            metrics.peerStates(federation::peerStates);
            service.metricsEndpoint = startMetrics(config, metrics);
            if (config.federation().radsecListener().isPresent()) {
                resources.add(RadSecListener.start(config.federation().radsecListener().get(), current::get, access,
                        service.accountingProcessor));
            }
            service.listeners = RadiusListeners.start(config.server(), current::get, service.authProcessor,
                    service.accountingProcessor, counters, io);
            LOG.info("govroam server ready: {} clients, {} directories, {} realms (config {})",
                    config.clients().size(), config.directories().size(), config.realms().size(), config.source());
            return service;
        } catch (InterruptedException | RuntimeException e) {
            if (service != null) {
                service.closeMetrics();
                service.retirements.shutdownNow();
            }
            closeAll(resources);
            throw e;
        }
    }

    static ServiceSnapshot snapshot(GovroamConfig config, Map<String, DirectoryAuthenticator> directories) {
        return snapshot(config, directories, Optional.empty());
    }

    static ServiceSnapshot snapshot(GovroamConfig config, Map<String, DirectoryAuthenticator> directories,
                                    Optional<EapServer> eap) {
        return new ServiceSnapshot(config, new ClientRegistry(config.clients()),
                new Router(config.realms(), config.realmSanity()), directories, eap);
    }


    private static MetricsEndpoint startMetrics(GovroamConfig config, Metrics metrics) {
        return config.operations().metrics().enabled() ? MetricsEndpoint.start(config.operations().metrics(), metrics)
                : null;
    }

    /**
     * Reads the config file again and, when it is valid, serves it from now on; see {@link ConfigReload}. Never
     * throws for a bad file: the outcome says what was wrong, and the old config keeps serving.
     */
    public synchronized ReloadOutcome reload() {
        ReloadOutcome outcome = new ConfigReload(this).run(current.get().config().source());
        reloads.record(outcome.applied());
        return outcome;
    }

    /** Called by {@link ConfigReload} under the lock: open directories, swap the snapshot, rebind what moved. */
    List<String> swapIn(GovroamConfig next) throws InterruptedException {
        GovroamConfig old = current.get().config();
        List<String> notes = new ArrayList<>();
        if (!Objects.equals(old.federation(), next.federation())) {
            notes.addAll(federation.update(next.federation()));
        }
        if (!Objects.equals(old.federation().radsecListener(), next.federation().radsecListener())) {
            notes.add("federation.radsec-listener changed: takes effect at the next restart");
        }
        Optional<EapServer> eap = EapServers.create(next, current.get().eap());
        OpenDirectories.Update update = directories.update(next);
        current.set(snapshot(next, update.directories(), eap));
        if (!update.retired().isEmpty()) {
            Duration after = retireAfter(next);
            notes.add(update.retired().size() + " directories replaced or removed; closed in " + after.toSeconds() + " s");
            retiring.addAll(update.retired());
            retirements.schedule(() -> update.retired().forEach(this::retire), after.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!Objects.equals(old.server(), next.server())) {
            notes.add("server settings changed: listeners rebound");
            RadiusListeners previous = listeners;
            previous.close(Duration.ofSeconds(5));
            try {
                listeners = RadiusListeners.start(next.server(), current::get, authProcessor, accountingProcessor,
                        counters, io);
            } catch (RuntimeException e) {
                // keep answering where we did; the new snapshot is in place, only the listener settings are not
                listeners = RadiusListeners.start(old.server(), current::get, authProcessor, accountingProcessor,
                        counters, io);
                throw new IllegalStateException("new listener settings could not be bound (" + e.getMessage()
                        + "); still listening on the old addresses", e);
            }
        }
        if (!Objects.equals(old.operations().metrics(), next.operations().metrics())) {
            notes.add("metrics endpoint settings changed: rebound");
            closeMetrics();
            metricsEndpoint = startMetrics(next, metrics);
        }
        if (!Objects.equals(old.accounting(), next.accounting())) {
            notes.add("accounting.directory changed: takes effect at the next restart");
        }
        return notes;
    }

    private void retire(DirectoryAuthenticator directory) {
        if (retiring.remove(directory)) {
            directory.close();
        }
    }

    /** Long enough for any request that took the old snapshot to finish: every directory timeout, with margin. */
    private static Duration retireAfter(GovroamConfig config) {
        return Duration.ofSeconds(30).plus(config.server().rejectDelay());
    }

    public InetSocketAddress authAddress() {
        return listeners.authAddress();
    }

    public InetSocketAddress accountingAddress() {
        return listeners.accountingAddress();
    }

    /** Where the metrics endpoint listens, when it is enabled. */
    public Optional<InetSocketAddress> metricsAddress() {
        MetricsEndpoint endpoint = metricsEndpoint;
        return endpoint == null ? Optional.empty() : Optional.of(endpoint.address());
    }

    /**
     * Waits until every decision made so far is in the auth log, audit log and F-ticks (they are written on their own
     * thread, a moment after the reply), at most {@code timeout}; false if they were not.
     */
    public boolean awaitDecisionsWritten(Duration timeout) {
        return decisionWriter.awaitWritten(timeout);
    }

    public TransportCounters counters() {
        return counters;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The federation peers and pools (their health, for status output and tests). */
    public Federation federation() {
        return federation;
    }

    public ServiceSnapshot snapshot() {
        return current.get();
    }

    /** Stops taking requests, waits up to {@code grace} for those in flight, then closes everything. */
    public synchronized void close(Duration grace) {
        listeners.close(grace);
        closeMetrics();
        retirements.shutdownNow();
        List.copyOf(retiring).forEach(this::retire);
        closeAll(resources);
        LOG.info("govroam server stopped");
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void closeMetrics() {
        MetricsEndpoint endpoint = metricsEndpoint;
        metricsEndpoint = null;
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.toString());
            }
        }
    }
}
