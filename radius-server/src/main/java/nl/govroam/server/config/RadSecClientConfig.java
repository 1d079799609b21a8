package nl.govroam.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A federation proxy that may connect to our RadSec listener.
 *
 * @param name     for logs
 * @param ca       the CA its certificate must chain to, PEM
 * @param names    accepted DNS names (SAN) or subject CNs of its certificate
 * @param operator the federation operator's domain
 */
public record RadSecClientConfig(String name, Path ca, List<String> names, String operator) {
    public RadSecClientConfig {
        names = List.copyOf(names);
    }
}
