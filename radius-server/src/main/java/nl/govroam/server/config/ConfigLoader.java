package nl.govroam.server.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads the admin's YAML file into a validated {@link GovroamConfig}, or every problem in it at once, each as
 * {@code file:line: key.path: what is wrong}.
 *
 * <p>Relative paths: secret files ({@code {file: ...}}) and {@code ca-file} are relative to the config file's
 * directory; {@code accounting.directory} is relative to the server's working directory.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads {@code file}, reading {@code {env: NAME}} secrets from the process environment. */
    public static ConfigResult load(Path file) {
        return load(file, System.getenv());
    }

    /**
     * Loads {@code file}, reading {@code {env: NAME}} secrets from {@code environment} (tests pass their own map).
     * Never throws for anything wrong with the file: an unreadable or invalid file is an {@link ConfigResult.Invalid}.
     */
    public static ConfigResult load(Path file, Map<String, String> environment) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(environment, "environment");
        Problems problems = new Problems(file);
        Optional<GovroamConfig> config = YamlTreeReader.read(file, problems)
                .flatMap(root -> new ConfigBinder(file, problems, environment).bind(root));
        if (config.isEmpty() || problems.errorCount() > 0) {
            return new ConfigResult.Invalid(problems.errors());
        }
        return new ConfigResult.Loaded(config.get(), problems.warnings());
    }
}
