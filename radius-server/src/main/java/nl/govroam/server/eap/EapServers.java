package nl.govroam.server.eap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.certs.DevCertificates;
import nl.govroam.server.config.EapConfig;
import nl.govroam.server.config.GovroamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the EAP server of a config snapshot: makes the development certificates first when the config says it
 * uses them and they are absent (with a warning), then loads certificate, key and client CAs.
 */
public final class EapServers {
    private static final Logger LOG = LoggerFactory.getLogger(EapServers.class);

    private EapServers() {
    }

    /**
     * @param previous the EAP server of the running snapshot (its conversations carry on), or empty at start
     * @return empty when the config has no {@code eap:} section
     * @throws IllegalStateException when a certificate, key or CA file cannot be read or made (the message says which)
     */
    public static Optional<EapServer> create(GovroamConfig config, Optional<EapServer> previous) {
        if (config.eap().isEmpty()) {
            return Optional.empty();
        }
        EapConfig eap = config.eap().get();
        try {
            if (eap.certificate().development()) {
                Path dir = eap.certificate().certificateFile().orElseThrow().toAbsolutePath().getParent();
                List<Path> made = DevCertificates.createIfAbsent(dir);
                if (!made.isEmpty()) {
                    LOG.warn("made DEVELOPMENT certificates in {} (a dev CA, server and client certificates): for "
                            + "trying the server out only; use your own certificates in production", dir);
                } else {
                    LOG.warn("EAP uses the DEVELOPMENT certificates in {}: for trying the server out only", dir);
                }
                requireExists(eap.certificate().certificateFile().orElseThrow());
                requireExists(eap.certificate().keyFile().orElseThrow());
            }
            EapServer server = EapServer.create(eap, previous);
            LOG.info("EAP ready: methods {}, TLS {} to {}, fragments of {} octets, up to {} conversations, {}",
                    eap.methods(), eap.minTlsVersion().text(), eap.maxTlsVersion().text(), eap.fragmentSize(),
                    eap.maxSessions(), eap.resumption().enabled() ? "TLS 1.2 session resumption for "
                            + eap.resumption().lifetime() + " (up to " + eap.resumption().maxSessions() + " sessions)"
                            : "no session resumption");
            return Optional.of(server);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("EAP cannot start: " + e.getMessage(), e);
        }
    }

    private static void requireExists(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist; the development certificates are made as "
                    + DevCertificates.SERVER_CERT + ", " + DevCertificates.SERVER_KEY + " and " + DevCertificates.CA_CERT
                    + " (run: govroam certs init)");
        }
    }
}
