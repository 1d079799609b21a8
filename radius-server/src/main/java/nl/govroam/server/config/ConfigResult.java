package nl.govroam.server.config;

import java.util.List;

/** The outcome of loading a config file: a snapshot (perhaps with warnings) or every error found. */
public sealed interface ConfigResult {

    record Loaded(GovroamConfig config, List<ConfigProblem> warnings) implements ConfigResult {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    record Invalid(List<ConfigProblem> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
