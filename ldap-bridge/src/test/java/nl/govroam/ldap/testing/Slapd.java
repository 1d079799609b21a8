package nl.govroam.ldap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.govroam.ldap.DirectorySettings;
import nl.govroam.ldap.VlanMapping;

/**
 * A real OpenLDAP {@code slapd} for tests: a fresh temp dir, a generated {@code slapd.conf}, the
 * {@link TestDirectory} seed loaded with {@code slapadd}, then {@code slapd} in the foreground as a child process
 * listening on a free 127.0.0.1 port. Starts in well under a second.
 *
 * <pre>{@code
 * try (Slapd slapd = Slapd.start();
 *      DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("test").build())) {
 *     directory.authenticate(new LoginName(TestDirectory.STAFF_USER.uid(), ""), "...".toCharArray());
 * }
 * }</pre>
 *
 * {@link #close()} stops only this process (by its handle) and deletes the temp dir. Needs the Debian packages
 * {@code slapd} and {@code ldap-utils} (and {@code openssl} for {@link Builder#tls}).
 */
public final class Slapd implements AutoCloseable {
        private static final Path MODULE_PATH = Path.of("/usr/lib/ldap");
    private static final Path SCHEMA_DIR = Path.of("/etc/ldap/schema");
    private static final String INSTALL_HINT = "install OpenLDAP: apt-get install slapd ldap-utils";

    private final Path directory;
    private final Process process;
    private final int port;
    private final Optional<Integer> ldapsPort;
    private final Optional<TestCertificates> certificates;
    private final Thread shutdownHook;
    private boolean frozen;

    private Slapd(Path directory, Process process, int port, Optional<Integer> ldapsPort,
            Optional<TestCertificates> certificates) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.ldapsPort = ldapsPort;
        this.certificates = certificates;
        this.shutdownHook = new Thread(process::destroyForcibly, "slapd-" + process.pid() + "-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts slapd with the {@link TestDirectory} seed, plain LDAP only. */
    public static Slapd start() {
        return builder().start();
    }

    /** For extra users, extra LDIF or TLS. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code ldap://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("ldap://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** {@code ldaps://127.0.0.1:<port>}; only with {@link Builder#tls}. */
    public URI ldapsUri() {
        return URI.create("ldaps://127.0.0.1:" + ldapsPort.orElseThrow(() -> new IllegalStateException("started without TLS")));
    }

    /** The PEM file of the CA that signed the server certificate; only with {@link Builder#tls}. */
    public Path caFile() {
        return certificates.orElseThrow(() -> new IllegalStateException("started without TLS")).caFile();
    }

    /** The slapd process id. */
    public long pid() {
        return process.pid();
    }

    /** The temp dir holding config, database and {@code slapd.log}. */
    public Path directory() {
        return directory;
    }

    /**
     * Settings for this server with the test conventions: user filter {@link TestDirectory#USER_FILTER} under
     * {@link TestDirectory#PEOPLE_DN}, the service account, required group wifi-users, disabled group
     * disabled, staff to VLAN {@value TestDirectory#STAFF_VLAN}, groups from {@code memberOf}, pool of 4,
     * short timeouts (connect 1 s, operation 2 s, pool wait 1 s) and a dead-server probe every 200 ms.
     */
    public DirectorySettings.Builder settingsBuilder(String name) {
        return settingsBuilder(name, List.of(uri()));
    }

    /** As {@link #settingsBuilder(String)}, with other URLs (e.g. a dead one before {@link #uri()}). */
    public DirectorySettings.Builder settingsBuilder(String name, List<URI> urls) {
        return DirectorySettings.builder(name, urls, TestDirectory.SERVICE_DN,
                        TestDirectory.SERVICE_PASSWORD.toCharArray(), TestDirectory.PEOPLE_DN)
                .userFilter(TestDirectory.USER_FILTER)
                .requiredGroupDn(TestDirectory.groupDn(TestDirectory.WIFI_USERS))
                .disabledGroupDn(TestDirectory.groupDn(TestDirectory.DISABLED))
                .vlans(List.of(new VlanMapping(TestDirectory.groupDn(TestDirectory.STAFF), TestDirectory.STAFF_VLAN)))
                .connectTimeout(Duration.ofSeconds(1))
                .operationTimeout(Duration.ofSeconds(2))
                .poolMaxWait(Duration.ofSeconds(1))
                .poolSize(4)
                .deadServerRetry(Duration.ofMillis(200));
    }

    /** Stops the server process (SIGSTOP): connections are accepted by the kernel but never answered. */
    public synchronized void freeze() {
        signal("-STOP");
        frozen = true;
    }

    /** Kills the server at once (SIGKILL, also when frozen): the kernel closes its connections, nothing answers. */
    public synchronized void crash() {
        signal("-KILL");
        frozen = false;
    }

    /** Resumes a {@link #freeze() frozen} server (SIGCONT). */
    public synchronized void thaw() {
        if (frozen) {
            signal("-CONT");
            frozen = false;
        }
    }

    private void signal(String signal) {
        nl.govroam.ldap.testing.Signals.send(process, signal);
    }

    /** Thaws, stops this slapd process and deletes its temp dir. */
    @Override
    public synchronized void close() {
        thaw();
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        LocalProcesses.deleteRecursively(directory);
    }

    @Override
    public String toString() {
        return "Slapd[pid=" + process.pid() + ", " + uri() + "]";
    }

    /** What to start: the seed plus extra users and LDIF, optionally with TLS. */
    public static final class Builder {
        private final List<TestUser> users = new ArrayList<>(TestDirectory.USERS);
        private final List<String> extraLdif = new ArrayList<>();
        private List<String> subjectAltNames;

        private Builder() {
        }

        /** Adds a person (groups that do not exist yet are created under {@link TestDirectory#GROUPS_DN}). */
        public Builder user(TestUser user) {
            users.add(user);
            return this;
        }

        /** Adds LDIF entries, loaded after the seed (DNs under {@link TestDirectory#BASE_DN}). */
        public Builder ldif(String ldif) {
            extraLdif.add(ldif);
            return this;
        }

        /**
         * Also listens on ldaps:// and allows StartTLS, with a certificate from a fresh test CA for these subject
         * alternative names, e.g. {@code "IP:127.0.0.1", "DNS:localhost"}.
         */
        public Builder tls(String... subjectAltNames) {
            this.subjectAltNames = List.of(subjectAltNames);
            return this;
        }

        public Slapd start() {
            Path slapd = LocalProcesses.executable("slapd", INSTALL_HINT);
            Path slapadd = LocalProcesses.executable("slapadd", INSTALL_HINT);
            if (!Files.exists(MODULE_PATH.resolve("back_mdb.so")) || !Files.isDirectory(SCHEMA_DIR)) {
                throw new IllegalStateException("OpenLDAP modules or schema missing (" + MODULE_PATH + ", "
                        + SCHEMA_DIR + "): " + INSTALL_HINT);
            }
            Path dir = null;
            try {
                dir = Files.createTempDirectory("govroam-slapd-");
                Optional<TestCertificates> certificates = subjectAltNames == null ? Optional.empty()
                        : Optional.of(TestCertificates.create(dir, subjectAltNames));
                Files.writeString(dir.resolve(SlapdConfig.NT_HASH_SCHEMA_FILE), SlapdConfig.NT_HASH_SCHEMA);
                Path config = Files.writeString(dir.resolve("slapd.conf"), SlapdConfig.of(dir, certificates));
                Files.createDirectories(dir.resolve("db"));
                Path ldif = Files.writeString(dir.resolve("seed.ldif"), SeedLdif.of(users, extraLdif));
                LocalProcesses.run(dir, List.of(slapadd.toString(), "-q", "-f", config.toString(), "-l", ldif.toString()));
                return launch(slapd, dir, config, certificates);
            } catch (IOException | RuntimeException e) {
                if (dir != null) {
                    LocalProcesses.deleteRecursively(dir);
                }
                throw e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("could not start slapd: " + e.getMessage(), e);
            }
        }

        private static Slapd launch(Path slapd, Path dir, Path config, Optional<TestCertificates> certificates)
                throws IOException {
            IllegalStateException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = LocalProcesses.freePort();
                Optional<Integer> ldapsPort = certificates.map(c -> LocalProcesses.freePort());
                String urls = "ldap://127.0.0.1:" + port + "/" + ldapsPort.map(p -> " ldaps://127.0.0.1:" + p + "/").orElse("");
                Path log = dir.resolve("slapd.log");
                Process process = new ProcessBuilder(slapd.toString(), "-f", config.toString(), "-h", urls, "-d", "0")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                try {
                    LocalProcesses.awaitPort(process, port, log);
                    if (ldapsPort.isPresent()) {
                        LocalProcesses.awaitPort(process, ldapsPort.get(), log);
                    }
                    return new Slapd(dir, process, port, ldapsPort, certificates);
                } catch (IllegalStateException e) {
                    process.destroyForcibly();
                    last = e;
                }
            }
            throw last;
        }
    }
}
