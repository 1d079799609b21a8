package nl.govroam.server.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigProblem;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.service.GovroamService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code govroam run [--config FILE]} and {@code govroam check-config [FILE]}. Exit codes: 0 fine, 1 the server
 * failed at run time, 2 the config is invalid or the command line is wrong.
 */
public final class Main {
    /** config/govroam.yaml under the install directory the launcher passes as {@code govroam.home}, else here. */
    static final Path DEFAULT_CONFIG = Path.of(System.getProperty("govroam.home", ".")).resolve("config/govroam.yaml").normalize();
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** How long SIGTERM waits for requests in flight (systemd's TimeoutStopSec must be longer). */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = isRun(args) ? BufferedStdout.install() : System.out;
        int code = run(args, out, System.err);
        BufferedStdout.flush();
        if (code != OK || !isRun(args)) {
            System.exit(code);
        }
    }

    private static boolean isRun(String[] args) {
        return args.length > 0 && args[0].equals("run");
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            usage(out);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        return switch (args[0]) {
            case "run" -> runServer(configPath(rest, err), pidFile(rest), out, err);
            case "check-config" -> checkConfig(configPath(rest, err), out, err);
            case "explain" -> explain(rest, out, err);
            case "reload" -> reload(rest, out, err);
            case "test-auth" -> nl.govroam.server.cli.testauth.TestAuthCommand.run(rest, out, err);
            case "certs" -> CertsCommand.run(rest, out, err);
            default -> {
                err.println("unknown command '" + args[0] + "'");
                usage(err);
                yield USAGE;
            }
        };
    }

    private static Path configPath(List<String> rest, PrintStream err) {
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if ((a.equals("--config") || a.equals("-c")) && i + 1 < rest.size()) {
                return Path.of(rest.get(i + 1));
            }
            if (a.equals("--pid-file")) {
                i++;
            } else if (!a.startsWith("-")) {
                return Path.of(a);
            }
        }
        return DEFAULT_CONFIG;
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: govroam <command> [options]

                commands:
                  run [--config FILE] [--pid-file FILE]
                                           run the server (default config: config/govroam.yaml); SIGHUP
                                           reloads the config, SIGTERM stops after requests in flight
                  check-config [FILE]      validate a config file and print what it sets up; exit 0 if it is
                                           valid, 2 if not
                  explain USER@REALM [--client NAME|IP] [--config FILE]
                                           how a request for this outer identity would be routed and why,
                                           without sending anything; exit 0 if authenticated here, 1 if not
                  reload [--config FILE] [--pid-file FILE]
                                           check the file, then make the running server reload it (SIGHUP;
                                           `systemctl reload govroam` does the same); a bad file is refused
                                           and the running config keeps serving
                  certs init [--dir DIR]   make development certificates for EAP and RadSec (a dev CA, a server
                                           and a client certificate) in DIR (default certs/) when absent
                  test-auth --server HOST:PORT --secret S --user USER@REALM --password P [--timeout 3s]
                            [--method pap|ttls-pap]
                                           a test client (PAP, with Message-Authenticator) for any RADIUS
                                           server; exit 0 on Access-Accept, 1 on Access-Reject, 2 on timeout;
                                           --secret-file and --password-file keep them out of the process list;
                                           ttls-pap (like rad_eap_test) needs --ca FILE [--server-name NAME] or
                                           --insecure, and takes --anonymous-identity, --tls-version 1.2|1.3
                  help                     this text
                """);
    }

    /** Loads and validates; prints every problem as file:line: key.path: message. Null when invalid. */
    static GovroamConfig load(Path file, PrintStream err) {
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file (give one with --config FILE)");
            return null;
        }
        return switch (ConfigLoader.load(file)) {
            case ConfigResult.Loaded loaded -> {
                loaded.warnings().forEach(err::println);
                yield loaded.config();
            }
            case ConfigResult.Invalid invalid -> {
                invalid.problems().forEach(err::println);
                long errors = invalid.problems().stream()
                        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
                err.println(file + ": " + errors + (errors == 1 ? " error" : " errors") + "; the config was not used");
                yield null;
            }
        };
    }

    private static int checkConfig(Path file, PrintStream out, PrintStream err) {
        GovroamConfig config = load(file, err);
        if (config == null) {
            return USAGE;
        }
        ConfigSummary.print(config, out);
        return OK;
    }

    private static int explain(List<String> rest, PrintStream out, PrintStream err) {
        List<String> positional = positional(rest, List.of("--config", "-c", "--client"));
        if (positional.size() != 1) {
            err.println("usage: govroam explain USER@REALM [--client NAME|IP] [--config FILE]");
            return USAGE;
        }
        GovroamConfig config = load(option(rest, "--config", "-c").map(Path::of).orElse(DEFAULT_CONFIG), err);
        if (config == null) {
            return USAGE;
        }
        return Explain.run(config, positional.get(0), option(rest, "--client", "--client").orElse(null), out, err);
    }

    private static int reload(List<String> rest, PrintStream out, PrintStream err) {
        Path file = option(rest, "--config", "-c").map(Path::of).orElse(DEFAULT_CONFIG);
        if (load(file, err) == null) {
            err.println("nothing was sent: the running server keeps its config");
            return USAGE;
        }
        return ReloadSignal.send(pidFile(rest), out, err);
    }

    private static Path pidFile(List<String> rest) {
        return option(rest, "--pid-file", "--pid-file").map(Path::of).orElse(PidFile.DEFAULT);
    }

    /** The value after {@code name} (or its short form). */
    static java.util.Optional<String> option(List<String> rest, String name, String shortName) {
        for (int i = 0; i + 1 < rest.size(); i++) {
            if (rest.get(i).equals(name) || rest.get(i).equals(shortName)) {
                return java.util.Optional.of(rest.get(i + 1));
            }
        }
        return java.util.Optional.empty();
    }

    /** The arguments that are neither options nor the values of {@code withValues}. */
    static List<String> positional(List<String> rest, List<String> withValues) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (withValues.contains(rest.get(i))) {
                i++;
            } else if (!rest.get(i).startsWith("-")) {
                out.add(rest.get(i));
            }
        }
        return out;
    }

    private static int runServer(Path file, Path pidFile, PrintStream out, PrintStream err) {
        GovroamConfig config = load(file, err);
        if (config == null) {
            return USAGE;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        GovroamService service;
        try {
            service = GovroamService.start(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (RuntimeException e) {
            log.error("the server could not start: {}", e.toString());
            err.println("the server could not start: " + e);
            return FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: no new requests; finishing those in flight (at most {} s)", SHUTDOWN_GRACE.toSeconds());
            service.close(SHUTDOWN_GRACE);
            PidFile.removeOwn(pidFile);
            stopped.countDown();
            flushLogs();
            BufferedStdout.flush();
        }, "govroam-shutdown"));
        try {
            PidFile.write(pidFile);
        } catch (java.io.IOException e) {
            log.warn("pid file {} could not be written ({}); govroam reload will not find this server, SIGHUP still "
                    + "reloads", pidFile, e.toString());
        }
        ReloadSignal.install(service);
        out.println("govroam server listening: auth " + service.authAddress() + ", accounting "
                + service.accountingAddress() + " (Ctrl-C stops)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    /** Writes out and stops every appender (the audit and F-ticks files, syslog) once the last decision is made. */
    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.stop();
        }
    }
}
