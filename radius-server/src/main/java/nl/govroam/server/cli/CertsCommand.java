package nl.govroam.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nl.govroam.server.certs.DevCertificates;

/** {@code govroam certs init [--dir DIR]}: the development certificates, made when absent, never overwritten. */
final class CertsCommand {
    /** certs/ under the install directory the launcher passes as {@code govroam.home}, else here. */
    static final Path DEFAULT_DIR = Path.of(System.getProperty("govroam.home", ".")).resolve("certs").normalize();

    private CertsCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("init")) {
            err.println("usage: govroam certs init [--dir DIR]");
            return Main.USAGE;
        }
        Path dir = DEFAULT_DIR;
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).equals("--dir") && i + 1 < args.size()) {
                dir = Path.of(args.get(++i));
            } else {
                err.println("unknown option '" + args.get(i) + "'; usage: govroam certs init [--dir DIR]");
                return Main.USAGE;
            }
        }
        try {
            List<Path> made = DevCertificates.createIfAbsent(dir);
            if (made.isEmpty()) {
                out.println(dir + ": development certificates already there; nothing made (delete "
                        + DevCertificates.SERVER_CERT + " to make new ones)");
            } else {
                made.forEach(f -> out.println("made " + f));
                out.println("DEVELOPMENT certificates: the CA key is unprotected; never use them in production. "
                        + "PKCS#12 password: " + DevCertificates.P12_PASSWORD);
            }
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            err.println("certs init failed: " + e.getMessage());
            return Main.FAILED;
        }
    }
}
