package nl.govroam.server.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** Binds the optional {@code fticks:} and {@code metrics:} sections; an absent section is switched off. */
final class OperationsBinder {

    static final List<String> FTICKS_KEYS = List.of("enabled", "prefix", "country", "institution", "federation-id",
            "report", "csi", "key");
    static final List<String> METRICS_KEYS = List.of("enabled", "address", "port");

    private final SecretResolver secrets;

    OperationsBinder(SecretResolver secrets) {
        this.secrets = secrets;
    }

    OperationsConfig bind(MapReader top) {
        OperationsConfig defaults = OperationsConfig.defaults();
        FticksConfig fticks = top.map("fticks").map(this::fticks).orElse(defaults.fticks());
        MetricsConfig metrics = top.map("metrics").map(OperationsBinder::metrics).orElse(defaults.metrics());
        return new OperationsConfig(fticks, metrics);
    }

    private FticksConfig fticks(MapReader f) {
        Problems problems = f.problems();
        f.allowOnly(FTICKS_KEYS);
        boolean enabled = f.bool("enabled", true);
        String prefix = f.string("prefix", FticksConfig.DEFAULT_PREFIX).strip();
        if (!prefix.matches("F-TICKS/[A-Za-z0-9._-]+/[0-9.]+")) {
            problems.error(f.lineOf("prefix"), f.pathOf("prefix"), "'" + prefix + "' is not an F-ticks prefix; "
                    + "write F-TICKS/<federation>/<version>, e.g. " + FticksConfig.DEFAULT_PREFIX);
        }
        String country = f.string("country", FticksConfig.DEFAULT_COUNTRY).strip();
        if (!country.matches("[A-Z]{2}")) {
            problems.error(f.lineOf("country"), f.pathOf("country"), "'" + country + "' is not an ISO 3166 "
                    + "two-letter country code in capitals, e.g. NL");
        }
        Optional<String> institution = f.string("institution").map(String::strip);
        institution.filter(i -> !i.matches("[0-4][^#=\\s]+")).ifPresent(i -> problems.error(f.lineOf("institution"),
                f.pathOf("institution"), "'" + i + "' is not an Operator-Name (RFC 5580): write the namespace "
                        + "digit and the domain, e.g. 1gemeente-x.nl"));
        Optional<String> federationId = f.string("federation-id").map(String::strip);
        federationId.filter(i -> !i.matches("[^#=\\s]+")).ifPresent(i -> problems.error(f.lineOf("federation-id"),
                f.pathOf("federation-id"), "must not contain #, = or whitespace"));
        FticksConfig.Report report = f.choice("report", FticksConfig.Report.class, FticksConfig.Report.ALL);
        int errorsBeforeCsi = problems.errorCount();
        FticksConfig.CsiMode csi = f.choice("csi", FticksConfig.CsiMode.class, FticksConfig.CsiMode.VENDOR_KEY_HASHED);
        Optional<Secret> key = f.field("key").flatMap(field -> secrets.resolve(field, f));
        boolean csiValid = problems.errorCount() == errorsBeforeCsi;
        if (enabled && csiValid && csi.keyed() && key.isEmpty() && !f.has("key")) {
            problems.error(f.lineOf("csi"), f.pathOf(f.has("csi") ? "csi" : "key"), "csi " + MapReader.yamlName(csi)
                    + " needs a key: write key: {env: FTICKS_KEY} (a long random value, e.g. openssl rand -base64 32), "
                    + "or choose csi: undisclosed");
        }
        return new FticksConfig(enabled, prefix, country, institution, federationId, report, csi, key);
    }

    private static MetricsConfig metrics(MapReader m) {
        m.allowOnly(METRICS_KEYS);
        boolean enabled = m.bool("enabled", true);
        InetAddress address = m.field("address").flatMap(f -> m.text(f).flatMap(text -> {
            Optional<InetAddress> parsed = ValueChecks.ipLiteral(text);
            if (parsed.isEmpty()) {
                m.problems().error(f.line(), f.path(), "'" + text + "' is not an IP address; write 127.0.0.1 "
                        + "(this machine only, the default) or the address a Prometheus server reaches");
            }
            return parsed;
        })).orElse(OperationsConfig.defaults().metrics().address());
        int port = m.integer("port", MetricsConfig.DEFAULT_PORT, 0, 65535);
        return new MetricsConfig(enabled, address, port);
    }
}
