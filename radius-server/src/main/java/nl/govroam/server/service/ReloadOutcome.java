package nl.govroam.server.service;

import java.util.List;
import nl.govroam.server.config.ConfigProblem;

/**
 * What a reload did.
 *
 * @param applied  the new config serves now; false: it was refused and the old one keeps serving
 * @param problems the file's errors (refused) or warnings (applied), each as {@code file:line: path: message}
 * @param notes    what changed or what needs a restart, for the log
 */
public record ReloadOutcome(boolean applied, List<ConfigProblem> problems, List<String> notes) {
    public ReloadOutcome {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }
}
