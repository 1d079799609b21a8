package nl.govroam.server.config;

import java.nio.file.Path;

/** Where accounting records are written: one append-only JSON-lines file per municipality under {@code directory}. */
public record AccountingConfig(Path directory) {
}
