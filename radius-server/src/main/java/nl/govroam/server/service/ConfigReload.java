package nl.govroam.server.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigProblem;
import nl.govroam.server.config.ConfigResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One safe reload (SIGHUP, {@code govroam reload}): parse and validate the whole file; a bad file is refused with
 * every {@code file:line} error and the old snapshot keeps serving; a good one becomes the new snapshot in one
 * reference swap. Requests already running finish on the snapshot they started with; directories whose settings did
 * not change are kept; listeners are rebound only when the {@code server:} settings changed; the federation is
 * rebuilt when its settings changed, unchanged peers keeping their state.
 */
final class ConfigReload {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReload.class);

    private final GovroamService service;

    ConfigReload(GovroamService service) {
        this.service = service;
    }

    ReloadOutcome run(Path file) {
        LOG.info("reloading {}", file);
        return switch (ConfigLoader.load(file)) {
            case ConfigResult.Invalid invalid -> {
                invalid.problems().forEach(p -> LOG.error("{}", p));
                LOG.error("reload refused: {} has {} errors; the running config keeps serving", file,
                        invalid.problems().size());
                yield new ReloadOutcome(false, invalid.problems(), List.of());
            }
            case ConfigResult.Loaded loaded -> apply(loaded, file);
        };
    }

    private ReloadOutcome apply(ConfigResult.Loaded loaded, Path file) {
        loaded.warnings().forEach(p -> LOG.warn("{}", p));
        List<String> notes = new ArrayList<>();
        try {
            notes.addAll(service.swapIn(loaded.config()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(file, "interrupted", loaded.warnings());
        } catch (RuntimeException e) {
            return refused(file, e.getMessage(), loaded.warnings());
        }
        notes.forEach(n -> LOG.info("reload: {}", n));
        LOG.info("reloaded {}: {} clients, {} directories, {} realms", file, loaded.config().clients().size(),
                loaded.config().directories().size(), loaded.config().realms().size());
        return new ReloadOutcome(true, loaded.warnings(), notes);
    }

    private static ReloadOutcome refused(Path file, String why, List<ConfigProblem> warnings) {
        LOG.error("reload refused: {} could not be put in service: {}; the running config keeps serving", file, why);
        return new ReloadOutcome(false, warnings, List.of("refused: " + why));
    }
}
