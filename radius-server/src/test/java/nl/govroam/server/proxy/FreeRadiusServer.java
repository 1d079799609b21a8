package nl.govroam.server.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real FreeRADIUS 3.2 on a loopback port, configured by the test in a temp directory: a home server with a users
 * file (PAP), Status-Server on, Message-Authenticator required from its clients; or a proxy (extra config text).
 * Started in the foreground with full debug to a log file; stopped by its own process handle.
 */
final class FreeRadiusServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/freeradius");

    private final Process process;
    private final Path dir;
    private final int port;

    private FreeRadiusServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "FreeRADIUS (Debian package freeradius) is not installed");
    }

    /**
     * @param dir      an empty directory for config, log and pid
     * @param clients  {@code client} blocks
     * @param users    the users file
     * @param modules  extra text inside {@code modules { }}
     * @param site     the text inside {@code server default { }} after its listeners
     * @param extra    extra top-level text (e.g. proxy home servers and realms)
     */
    static FreeRadiusServer start(Path dir, String clients, String users, String modules, String site, String extra) {
        return start(dir, clients, users, modules, site, extra, false);
    }

    /**
     * As above; {@code threaded} runs with a thread pool ({@code -fxx -l stdout} instead of {@code -X}), which TLS
     * listeners (RadSec) require.
     */
    static FreeRadiusServer start(Path dir, String clients, String users, String modules, String site, String extra,
                                  boolean threaded) {
        assumeInstalled();
        int port = freeUdpPortPair();
        String d = dir.toAbsolutePath().toString();
        String conf = """
                prefix = /usr
                exec_prefix = /usr
                sysconfdir = %1$s
                localstatedir = %1$s
                sbindir = /usr/sbin
                logdir = %1$s
                raddbdir = %1$s
                radacctdir = %1$s
                name = freeradius
                confdir = %1$s
                modconfdir = %1$s
                certdir = %1$s
                run_dir = %1$s
                db_dir = %1$s
                libdir = /usr/lib/freeradius
                pidfile = %1$s/radiusd.pid
                max_request_time = 30
                cleanup_delay = 5
                max_requests = 4096
                hostname_lookups = no
                log {
                    destination = files
                    file = %1$s/radius.log
                    auth = yes
                }
                security {
                    allow_core_dumps = no
                    max_attributes = 200
                    reject_delay = 0
                    status_server = yes
                }
                thread pool {
                    start_servers = 2
                    max_servers = 8
                    min_spare_servers = 1
                    max_spare_servers = 4
                    max_requests_per_server = 0
                }
                %2$s
                modules {
                    always reject {
                        rcode = reject
                    }
                    always ok {
                        rcode = ok
                    }
                    pap {
                        normalise = yes
                    }
                    files {
                        filename = %1$s/users
                    }
                    %4$s
                }
                %6$s
                server default {
                    listen {
                        type = auth
                        ipaddr = 127.0.0.1
                        port = %3$d
                    }
                    listen {
                        type = acct
                        ipaddr = 127.0.0.1
                        port = %5$d
                    }
                    %7$s
                }
                """.formatted(d, clients, port, modules, port + 1, extra, site);
        try {
            Files.writeString(dir.resolve("radiusd.conf"), conf);
            Files.writeString(dir.resolve("users"), users);
            Path log = dir.resolve("debug.log");
            List<String> command = threaded
                    ? List.of(BINARY.toString(), "-fxx", "-l", "stdout", "-d", d, "-n", "radiusd")
                    : List.of(BINARY.toString(), "-X", "-d", d, "-n", "radiusd");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            FreeRadiusServer server = new FreeRadiusServer(p, dir, port);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PAP home-server site: users file, then PAP; Status-Server answered. */
    static String homeSite() {
        return """
                authorize {
                    files
                    pap
                }
                authenticate {
                    Auth-Type PAP {
                        pap
                    }
                }
                accounting {
                    ok
                }
                post-auth {
                    update reply {
                        Message-Authenticator := 0x00
                    }
                    Post-Auth-Type REJECT {
                        update reply {
                            Message-Authenticator := 0x00
                        }
                    }
                }
                """;
    }

    /**
     * The eap module of a home server (EAP-TTLS and PEAP, TLS 1.2, inner methods in {@link #innerTunnel()}) and mschap,
     * for the text inside {@code modules { }}.
     *
     * @param certs the directory with {@code host}.pem, {@code host}.key and {@code ca}-ca.pem
     */
    static String eapModules(Path certs, String ca, String host) {
        return """
                eap {
                    default_eap_type = ttls
                    timer_expire = 60
                    max_sessions = 1024
                    tls-config tls-common {
                        private_key_file = %1$s/%3$s.key
                        certificate_file = %1$s/%3$s.pem
                        ca_file = %1$s/%2$s-ca.pem
                        cipher_list = "DEFAULT"
                        tls_min_version = "1.2"
                        tls_max_version = "1.2"
                    }
                    ttls {
                        tls = tls-common
                        virtual_server = "inner-tunnel"
                    }
                    peap {
                        tls = tls-common
                        default_eap_type = mschapv2
                        virtual_server = "inner-tunnel"
                    }
                    mschapv2 {
                    }
                }
                mschap {
                }
                """.formatted(certs.toAbsolutePath(), ca, host);
    }

    /** The site of an EAP (and PAP) home server: eap, then the users file and PAP; Message-Authenticator in replies. */
    static String eapHomeSite() {
        return """
                authorize {
                    eap {
                        ok = return
                    }
                    files
                    pap
                }
                authenticate {
                    Auth-Type PAP {
                        pap
                    }
                    eap
                }
                post-auth {
                    update reply {
                        Message-Authenticator := 0x00
                    }
                    Post-Auth-Type REJECT {
                        update reply {
                            Message-Authenticator := 0x00
                        }
                    }
                }
                """;
    }

    /** The inner-tunnel server of {@link #eapModules}: users file, MSCHAPv2 and PAP inside the tunnel. */
    static String innerTunnel() {
        return """
                server inner-tunnel {
                    authorize {
                        files
                        mschap
                        eap {
                            ok = return
                        }
                        pap
                    }
                    authenticate {
                        Auth-Type PAP {
                            pap
                        }
                        Auth-Type MS-CHAP {
                            mschap
                        }
                        eap
                    }
                }
                """;
    }

    static String client(String address, String secret) {
        return client(address, secret, true);
    }

    static String client(String address, String secret, boolean requireMessageAuthenticator) {
        return """
                client c-%1$s {
                    ipaddr = %1$s
                    secret = %2$s
                    require_message_authenticator = %3$s
                }
                """.formatted(address, secret, requireMessageAuthenticator ? "yes" : "no");
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("freeradius exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("Ready to process requests")) {
                return;
            }
            sleep(50);
        }
        close();
        throw new IllegalStateException("freeradius not ready in 15 s:\n" + Files.readString(log));
    }

    int authPort() {
        return port;
    }

    int accountingPort() {
        return port + 1;
    }

    /** FreeRADIUS's own debug output so far (what it received, what it answered). */
    String debugLog() {
        try {
            return Files.readString(dir.resolve("debug.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process (SIGSTOP): connections are still accepted by the kernel, nothing is answered. */
    void freeze() {
        signal("-STOP");
    }

    /** Resumes a {@link #freeze() frozen} server (SIGCONT). */
    void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        nl.govroam.ldap.testing.Signals.send(process, signal);
    }

    /** Stops the server and waits for it, so its ports are free. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A free UDP port p on 127.0.0.1 with p + 1 also free (auth and accounting). */
    static int freeUdpPortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket a = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int p = a.getLocalPort();
                if (p >= 65535) {
                    continue;
                }
                try (DatagramSocket b = new DatagramSocket(p + 1, InetAddress.getLoopbackAddress())) {
                    return p;
                } catch (IOException taken) {
                    // try another pair
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free UDP port pair");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
