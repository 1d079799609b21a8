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

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
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
            case "run" -> runServer(configPath(rest, err), out, err);
            case "check-config" -> checkConfig(configPath(rest, err), out, err);
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
            if (!a.startsWith("-")) {
                return Path.of(a);
            }
        }
        return DEFAULT_CONFIG;
    }

    private static void usage(PrintStream out) {
        out.println("""
                usage: govroam <command> [options]

                commands:
                  run [--config FILE]      run the server (default config: config/govroam.yaml)
                  check-config [FILE]      validate a config file; exit 0 if it is valid, 2 if not
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
        out.println(file + ": ok: " + config.clients().size() + " clients, " + config.directories().size()
                + " directories, " + config.realms().size() + " realms");
        config.realms().forEach(r -> out.println("  realm " + r.realm() + (r.subdomains() ? " (and subdomains)" : "")
                + " -> directory " + r.directory()));
        return OK;
    }

    private static int runServer(Path file, PrintStream out, PrintStream err) {
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
            log.info("stopping: finishing requests in flight");
            service.close(Duration.ofSeconds(5));
            stopped.countDown();
        }, "govroam-shutdown"));
        out.println("govroam server listening: auth " + service.authAddress() + ", accounting "
                + service.accountingAddress() + " (Ctrl-C stops)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }
}
