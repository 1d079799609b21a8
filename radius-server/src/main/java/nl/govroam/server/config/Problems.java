package nl.govroam.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while loading one file, in file order. */
final class Problems {
    private final Path file;
    private final List<ConfigProblem> all = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void error(int line, String keyPath, String message) {
        all.add(new ConfigProblem(file, line, keyPath, message, ConfigProblem.Severity.ERROR));
    }

    void warning(int line, String keyPath, String message) {
        all.add(new ConfigProblem(file, line, keyPath, message, ConfigProblem.Severity.WARNING));
    }

    /** Errors so far; a binder compares counts to know whether the part it bound is usable. */
    int errorCount() {
        return (int) all.stream().filter(p -> p.severity() == ConfigProblem.Severity.ERROR).count();
    }

    List<ConfigProblem> errors() {
        return sorted(ConfigProblem.Severity.ERROR);
    }

    List<ConfigProblem> warnings() {
        return sorted(ConfigProblem.Severity.WARNING);
    }

    private List<ConfigProblem> sorted(ConfigProblem.Severity severity) {
        return all.stream()
                .filter(p -> p.severity() == severity)
                .sorted(Comparator.comparingInt(ConfigProblem::line))
                .toList();
    }
}
