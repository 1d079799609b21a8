package nl.govroam.server.config;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, where it is: printed as {@code file:line: key.path: what is wrong}.
 *
 * @param file     the file
 * @param line     1-based line, 0 when the problem is the whole file
 * @param keyPath  e.g. {@code clients[2].secret}; empty for the whole file
 * @param message  what is wrong, and where possible what would be right
 * @param severity an error refuses the file; a warning is printed and the file is used
 */
public record ConfigProblem(Path file, int line, String keyPath, String message, Severity severity) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!keyPath.isEmpty()) {
            sb.append(keyPath).append(": ");
        }
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        return sb.append(message).toString();
    }
}
