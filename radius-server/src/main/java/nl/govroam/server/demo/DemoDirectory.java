package nl.govroam.server.demo;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

import nl.govroam.ldap.DirectorySettings;
import nl.govroam.ldap.VlanMapping;

/**
 * The embedded demo directory: an in-process LDAP server (UnboundID in-memory) on 127.0.0.1, a free port, plain
 * LDAP, seeded with the {@link DemoSeed} employees of two demo municipalities. It serves the config's
 * {@code embedded-demo: true} directory, so a new install with the sample config answers {@code radclient} with an
 * Access-Accept before any real directory is set up. The RADIUS server reaches it through {@link #settings(String)},
 * with the same ldap-bridge code as a real directory.
 *
 * <p><strong>A DEMO ONLY.</strong> Its passwords are published, it keeps nothing across restarts and it logs a
 * warning when it starts. Never put real users in it.
 *
 * <p>Passwords are stored as {@code {SSHA256}} (salted SHA-256, 8 salt bytes), so a search shows no clear text;
 * simple binds are checked against the hash. Thread-safe; {@link #close()} stops the listener.
 */
public final class DemoDirectory implements AutoCloseable {

    /** Finds a user of either municipality by the whole login, {@code uid@realm}, as the mail address. */
    public static final String USER_FILTER = "(mail={nai})";
    /** Finds a user's groups below {@link DemoSeed#GROUPS_DN}. */
    public static final String GROUP_FILTER = "(&(objectClass=groupOfNames)(member={dn}))";
    /** Connect bound; short, as the directory is in-process and anything slower is a fault. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Bound on each search or bind. */
    public static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(2);
    /** Wait for a pooled connection before answering Unavailable. */
    public static final Duration POOL_MAX_WAIT = Duration.ofSeconds(1);
    /** Pooled connections per kind: a demo has few users. */
    public static final int POOL_SIZE = 2;
    /** How often the bridge probes it when it seems down. */
    public static final Duration DEAD_SERVER_RETRY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(DemoDirectory.class);
    private static final String LISTENER = "demo-ldap";
    private static final int MAX_CONNECTIONS = 64;
    private static final int SALT_BYTES = 8;

    private static DemoDirectory shared;

    private final InMemoryDirectoryServer server;
    private final URI url;
    private boolean closed;

    private DemoDirectory(InMemoryDirectoryServer server, int port) {
        this.server = server;
        this.url = URI.create("ldap://127.0.0.1:" + port);
    }

    /**
     * Starts a new demo directory, owned by the caller, who closes it.
     *
     * @throws IllegalStateException if it cannot listen on 127.0.0.1 or the seed is refused (a bug)
     */
    public static DemoDirectory start() {
        InMemoryDirectoryServer server = null;
        try {
            server = new InMemoryDirectoryServer(config());
            for (Entry entry : DemoSeed.entries()) {
                server.add(entry);
            }
            server.startListening();
            DemoDirectory directory = new DemoDirectory(server, server.getListenPort());
            LOG.warn("embedded demo directory listening on {} with the published demo accounts of {} and {}: "
                            + "a DEMO ONLY, never for real users; configure a real directory before production",
                    directory.url, DemoSeed.DEMODORP_REALM, DemoSeed.VOORBEELDSTAD_REALM);
            return directory;
        } catch (LDAPException e) {
            if (server != null) {
                server.shutDown(true);
            }
            throw new IllegalStateException("embedded demo directory did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The process-wide demo directory, started on first use; every {@code embedded-demo} directory of every config
     * snapshot shares it, so a reload keeps its port. Closing it (at shutdown) lets a later call start a new one.
     */
    public static DemoDirectory shared() {
        synchronized (DemoDirectory.class) {
            if (shared == null) {
                shared = start();
            }
            return shared;
        }
    }

    /** Where it listens: {@code ldap://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    /** The TCP port it listens on (chosen free at start). */
    public int port() {
        return url.getPort();
    }

    /**
     * Settings for the ldap-bridge pointing at this directory: the demo service account, users found by mail below
     * {@link DemoSeed#PEOPLE_DN}, groups searched below {@link DemoSeed#GROUPS_DN} (the in-memory server keeps no
     * {@code memberOf}), {@link DemoSeed#DISABLED_GROUP_DN} disabled, {@link DemoSeed#STAFF_GROUP_DN} on VLAN
     * {@value DemoSeed#STAFF_VLAN}, and short timeouts.
     *
     * @param name the configured directory name, used in logs
     */
    public DirectorySettings settings(String name) {
        char[] password = DemoSeed.SERVICE_ACCOUNT_PASSWORD.toCharArray();
        try {
            return DirectorySettings.builder(name, List.of(url), DemoSeed.SERVICE_ACCOUNT_DN, password,
                            DemoSeed.PEOPLE_DN)
                    .userFilter(USER_FILTER)
                    .disabledGroupDn(DemoSeed.DISABLED_GROUP_DN)
                    .groupBaseDn(DemoSeed.GROUPS_DN)
                    .groupFilter(GROUP_FILTER)
                    .vlans(List.of(new VlanMapping(DemoSeed.STAFF_GROUP_DN, DemoSeed.STAFF_VLAN)))
                    .ntHashAttribute(DemoSeed.NT_HASH_ATTRIBUTE)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .operationTimeout(OPERATION_TIMEOUT)
                    .poolMaxWait(POOL_MAX_WAIT)
                    .poolSize(POOL_SIZE)
                    .deadServerRetry(DEAD_SERVER_RETRY)
                    .build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Stops listening and closes every connection. Idempotent. */
    @Override
    public void close() {
        synchronized (DemoDirectory.class) {
            if (shared == this) {
                shared = null;
            }
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.shutDown(true);
        LOG.info("embedded demo directory on {} stopped", url);
    }

    private static InMemoryDirectoryServerConfig config() throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DemoSeed.BASE_DN);
        config.setSchema(com.unboundid.ldap.sdk.schema.Schema.mergeSchemas(
                com.unboundid.ldap.sdk.schema.Schema.getDefaultStandardSchema(), ntHashSchema()));
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(LISTENER, loopback(), 0, null));
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}",
                Base64PasswordEncoderOutputFormatter.getInstance(), new PerThreadMessageDigest("SHA-256"),
                SALT_BYTES, true, true));
        config.setMaxConnections(MAX_CONNECTIONS);
        config.setVendorName("govroam embedded demo directory");
        return config;
    }

    /**
     * Samba's {@code sambaNTPassword} (its real OID) and a minimal auxiliary class allowing it: the standard schema
     * has neither, and the demo users carry an NT hash so MSCHAPv2 works.
     */
    private static com.unboundid.ldap.sdk.schema.Schema ntHashSchema() throws LDAPException {
        return new com.unboundid.ldap.sdk.schema.Schema(new Entry("cn=schema",
                new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "ldapSubentry", "subschema"),
                new com.unboundid.ldap.sdk.Attribute("attributeTypes", "( 1.3.6.1.4.1.7165.2.1.25 NAME '"
                        + DemoSeed.NT_HASH_ATTRIBUTE + "' EQUALITY caseIgnoreIA5Match "
                        + "SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{32} SINGLE-VALUE )"),
                new com.unboundid.ldap.sdk.Attribute("objectClasses", "( 1.3.6.1.4.1.7165.2.2.6 NAME 'sambaSamAccount' "
                        + "SUP top AUXILIARY MAY ( " + DemoSeed.NT_HASH_ATTRIBUTE + " ) )")));
    }

    /** 127.0.0.1 itself: {@code InetAddress.getLoopbackAddress()} may be ::1 where IPv6 is preferred. */
    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4-byte address is always valid", e);
        }
    }
}
