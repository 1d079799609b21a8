package nl.govroam.server.service;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nl.govroam.ldap.Directories;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.accounting.AccountingProcessor;
import nl.govroam.server.accounting.AccountingRecorder;
import nl.govroam.server.audit.AuthLog;
import nl.govroam.server.auth.AccessRequestProcessor;
import nl.govroam.server.config.DirectoryConfig;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.demo.DemoDirectory;
import nl.govroam.server.proxy.Federation;
import nl.govroam.server.proxy.radsec.RadSecListener;
import nl.govroam.server.realm.Router;
import nl.govroam.server.transport.ClientRegistry;
import nl.govroam.server.transport.RadiusListeners;
import nl.govroam.server.transport.TransportCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: opens the directories (lazily connecting, so it starts even when a directory is down), builds
 * the first snapshot and binds the listeners. Closing stops taking requests, lets those in flight finish, then
 * closes directories and files.
 */
public final class GovroamService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GovroamService.class);

    private final AtomicReference<ServiceSnapshot> current;
    private final RadiusListeners listeners;
    private final TransportCounters counters;
    private final List<AutoCloseable> resources;

    private GovroamService(AtomicReference<ServiceSnapshot> current, RadiusListeners listeners,
                           TransportCounters counters, List<AutoCloseable> resources) {
        this.current = current;
        this.listeners = listeners;
        this.counters = counters;
        this.resources = resources;
    }

    /**
     * Starts the service on a validated config.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException when a listener address cannot be bound (the message says which)
     */
    public static GovroamService start(GovroamConfig config) throws InterruptedException {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            Map<String, DirectoryAuthenticator> directories = openDirectories(config, resources);
            AccountingRecorder recorder = new AccountingRecorder(config.accounting().directory());
            resources.add(recorder);
            ServiceSnapshot snapshot = new ServiceSnapshot(config, new ClientRegistry(config.clients()),
                    new Router(config.realms(), config.realmSanity()), directories);
            AtomicReference<ServiceSnapshot> current = new AtomicReference<>(snapshot);
            TransportCounters counters = new TransportCounters();
            Federation federation = Federation.start(config.federation());
            resources.add(federation);
            AccessRequestProcessor access = new AccessRequestProcessor(new AuthLog(), federation);
            if (config.federation().radsecListener().isPresent()) {
                resources.add(RadSecListener.start(config.federation().radsecListener().get(), current::get, access));
            }
            RadiusListeners listeners = RadiusListeners.start(config.server(), current::get,
                    access, new AccountingProcessor(recorder), counters);
            LOG.info("govroam server ready: {} clients, {} directories, {} realms (config {})",
                    config.clients().size(), config.directories().size(), config.realms().size(), config.source());
            return new GovroamService(current, listeners, counters, resources);
        } catch (InterruptedException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static Map<String, DirectoryAuthenticator> openDirectories(GovroamConfig config, List<AutoCloseable> resources) {
        Map<String, DirectoryAuthenticator> directories = new LinkedHashMap<>();
        DemoDirectory demo = null;
        for (DirectoryConfig d : config.directories()) {
            DirectoryAuthenticator opened = switch (d) {
                case DirectoryConfig.Ldap ldap -> Directories.open(ldap.settings());
                case DirectoryConfig.EmbeddedDemo embedded -> {
                    if (demo == null) {
                        demo = DemoDirectory.start();
                        resources.add(demo);
                    }
                    yield Directories.open(demo.settings(embedded.name()));
                }
            };
            resources.add(opened);
            directories.put(d.name(), opened);
        }
        return directories;
    }

    public InetSocketAddress authAddress() {
        return listeners.authAddress();
    }

    public InetSocketAddress accountingAddress() {
        return listeners.accountingAddress();
    }

    public TransportCounters counters() {
        return counters;
    }

    public ServiceSnapshot snapshot() {
        return current.get();
    }

    /** Stops taking requests, waits up to {@code grace} for those in flight, then closes everything. */
    public void close(Duration grace) {
        listeners.close(grace);
        closeAll(resources);
        LOG.info("govroam server stopped");
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
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
