package nl.govroam.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Binds the optional {@code eap:} section; without it the server does no EAP (PAP only). */
final class EapBinder {

    static final List<String> KEYS = List.of("methods", "certificate", "tls-min-version", "tls-max-version",
            "fragment-size", "max-message-size", "sessions", "client-cas", "cui-keys",
            "resumption");
    static final List<String> CERTIFICATE_KEYS = List.of("certificate-file", "chain-file", "key-file", "pkcs12-file",
            "password", "development");
    static final List<String> SESSION_KEYS = List.of("max", "idle-timeout");
    static final List<String> RESUMPTION_KEYS = List.of("enabled", "lifetime", "max-sessions");
    static final List<String> CLIENT_CA_KEYS = List.of("realm", "ca-file");
    static final List<String> CUI_KEYS = List.of("realm", "key");

    private final SecretResolver secrets;
    private final Path configDirectory;

    EapBinder(SecretResolver secrets, Path configDirectory) {
        this.secrets = secrets;
        this.configDirectory = configDirectory;
    }

    Optional<EapConfig> bind(MapReader eap) {
        Problems problems = eap.problems();
        int errorsBefore = problems.errorCount();
        eap.allowOnly(KEYS);
        List<EapConfig.Method> methods = methods(eap);
        Optional<EapConfig.CertificateConfig> certificate = eap.map("certificate").flatMap(this::certificate);
        if (!eap.has("certificate")) {
            problems.error(eap.line(), eap.path(), "missing required key 'certificate'; EAP needs a server "
                    + "certificate (certificate-file and key-file, or pkcs12-file)");
        }
        boolean development = certificate.map(EapConfig.CertificateConfig::development).orElse(false);
        EapConfig.TlsVersion min = version(eap, "tls-min-version", EapConfig.TlsVersion.TLS_1_2);
        EapConfig.TlsVersion max = version(eap, "tls-max-version", EapConfig.TlsVersion.TLS_1_3);
        if (min.compareTo(max) > 0) {
            problems.error(eap.lineOf("tls-min-version"), eap.pathOf("tls-min-version"), "tls-min-version "
                    + min.text() + " is above tls-max-version " + max.text());
        }
        int fragmentSize = eap.integer("fragment-size", EapConfig.DEFAULT_FRAGMENT_SIZE, 200, 3000);
        int maxMessageSize = eap.integer("max-message-size", EapConfig.DEFAULT_MAX_MESSAGE_SIZE, 16 * 1024, 1024 * 1024);
        int maxSessions = EapConfig.DEFAULT_MAX_SESSIONS;
        Duration timeout = EapConfig.DEFAULT_SESSION_TIMEOUT;
        Optional<MapReader> sessions = eap.map("sessions");
        if (sessions.isPresent()) {
            sessions.get().allowOnly(SESSION_KEYS);
            maxSessions = sessions.get().integer("max", EapConfig.DEFAULT_MAX_SESSIONS, 1, 10_000_000);
            timeout = sessions.get().duration("idle-timeout", EapConfig.DEFAULT_SESSION_TIMEOUT, true);
        }
        EapConfig.Resumption resumption = eap.map("resumption").map(EapBinder::resumption)
                .orElse(EapConfig.Resumption.DEFAULT);
        List<EapConfig.ClientCa> clientCas = new ArrayList<>();
        for (MapReader item : items(eap, "client-cas")) {
            item.allowOnly(CLIENT_CA_KEYS);
            Optional<String> realm = item.requiredString("realm", "the realm whose users' certificates this CA signs");
            Optional<Path> file = item.requiredString("ca-file", "a PEM file of CA certificates")
                    .flatMap(text -> file(item, "ca-file", text, development));
            if (realm.isPresent() && file.isPresent()) {
                clientCas.add(new EapConfig.ClientCa(realm.get().strip(), file.get()));
            }
        }
        List<EapConfig.CuiKey> cuiKeys = new ArrayList<>();
        for (MapReader item : items(eap, "cui-keys")) {
            item.allowOnly(CUI_KEYS);
            Optional<String> realm = item.requiredString("realm", "the realm whose users get a CUI with this key");
            Optional<Secret> key = item.requiredField("key", "write key: {env: VARIABLE} or {file: /path}")
                    .flatMap(f -> secrets.resolve(f, item));
            if (realm.isPresent() && key.isPresent()) {
                cuiKeys.add(new EapConfig.CuiKey(realm.get().strip(), key.get()));
            }
        }
        if (problems.errorCount() != errorsBefore || certificate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EapConfig(methods, certificate.get(), min, max, fragmentSize, maxMessageSize,
                maxSessions, timeout, clientCas, cuiKeys, resumption));
    }

    private static EapConfig.Resumption resumption(MapReader r) {
        EapConfig.Resumption defaults = EapConfig.Resumption.DEFAULT;
        r.allowOnly(RESUMPTION_KEYS);
        boolean enabled = r.bool("enabled", defaults.enabled());
        Duration lifetime = r.duration("lifetime", defaults.lifetime(), true);
        if (lifetime.compareTo(EapConfig.Resumption.MAX_LIFETIME) > 0) {
            r.problems().error(r.lineOf("lifetime"), r.pathOf("lifetime"), "at most 24h (RFC 5246 F.1.4): a "
                    + "resumed session skips the password check, so keep it short");
        }
        int max = r.integer("max-sessions", defaults.maxSessions(), 1, 1_000_000);
        return new EapConfig.Resumption(enabled, lifetime, max);
    }

    private static List<EapConfig.Method> methods(MapReader eap) {
        List<EapConfig.Method> methods = new ArrayList<>();
        Optional<List<MapReader.Field>> items = eap.list("methods");
        if (items.isEmpty()) {
            return List.of(EapConfig.Method.TTLS, EapConfig.Method.PEAP, EapConfig.Method.TLS);
        }
        for (MapReader.Field item : items.get()) {
            eap.choice(item, EapConfig.Method.class).ifPresent(m -> {
                if (methods.contains(m)) {
                    eap.problems().error(item.line(), item.path(), "'" + MapReader.yamlName(m) + "' is listed twice");
                } else {
                    methods.add(m);
                }
            });
        }
        if (methods.isEmpty() && !items.get().isEmpty()) {
            return methods;
        }
        if (items.get().isEmpty()) {
            eap.problems().error(eap.lineOf("methods"), eap.pathOf("methods"), "list at least one of peap, ttls, tls "
                    + "(or remove the eap section to turn EAP off)");
        }
        return methods;
    }

    private Optional<EapConfig.CertificateConfig> certificate(MapReader c) {
        c.allowOnly(CERTIFICATE_KEYS);
        boolean development = c.bool("development", false);
        Optional<Path> cert = c.string("certificate-file").flatMap(t -> file(c, "certificate-file", t, development));
        Optional<Path> chain = c.string("chain-file").flatMap(t -> file(c, "chain-file", t, development));
        Optional<Path> key = c.string("key-file").flatMap(t -> file(c, "key-file", t, development));
        Optional<Path> pkcs12 = c.string("pkcs12-file").flatMap(t -> file(c, "pkcs12-file", t, development));
        Optional<Secret> password = c.field("password").flatMap(f -> secrets.resolve(f, c));
        boolean pem = c.has("certificate-file") || c.has("key-file");
        if (pem == c.has("pkcs12-file")) {
            c.problems().error(c.line(), c.path(), "give either certificate-file and key-file (PEM) or pkcs12-file");
        } else if (pem && (!c.has("certificate-file") || !c.has("key-file"))) {
            c.problems().error(c.line(), c.path(), "PEM needs both certificate-file and key-file");
        } else if (c.has("pkcs12-file") && !c.has("password")) {
            c.problems().error(c.line(), c.path(), "pkcs12-file needs its password");
        }
        if (development && !pem) {
            c.problems().error(c.lineOf("development"), c.pathOf("development"), "development certificates are PEM "
                    + "files; give certificate-file and key-file");
        }
        return Optional.of(new EapConfig.CertificateConfig(cert, chain, key, pkcs12, password, development));
    }

    private Optional<Path> file(MapReader reader, String key, String text, boolean mayBeMadeAtStart) {
        Path file = configDirectory.resolve(text.strip()).normalize();
        if (!mayBeMadeAtStart && (!Files.isRegularFile(file) || !Files.isReadable(file))) {
            reader.problems().error(reader.lineOf(key), reader.pathOf(key), file
                    + (Files.exists(file) ? " cannot be read" : " does not exist")
                    + " (a relative path is relative to the config file's directory)");
            return Optional.empty();
        }
        return Optional.of(file);
    }

    private static EapConfig.TlsVersion version(MapReader eap, String key, EapConfig.TlsVersion defaultValue) {
        Optional<String> text = eap.string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (EapConfig.TlsVersion v : EapConfig.TlsVersion.values()) {
            if (v.text().equals(text.get().strip())) {
                return v;
            }
        }
        eap.problems().error(eap.lineOf(key), eap.pathOf(key), "'" + text.get() + "' is not a TLS version; write "
                + "\"1.2\" or \"1.3\" (older versions are not offered)");
        return defaultValue;
    }

    private static List<MapReader> items(MapReader parent, String key) {
        List<MapReader> out = new ArrayList<>();
        for (MapReader.Field item : parent.list(key).orElse(List.of())) {
            MapReader.of(item, parent.problems()).ifPresent(out::add);
        }
        return out;
    }
}
