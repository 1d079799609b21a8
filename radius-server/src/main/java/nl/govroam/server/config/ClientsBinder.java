package nl.govroam.server.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Binds one item of {@code clients:}: a NAS or federation proxy, known by its source address. */
final class ClientsBinder {

    static final List<String> KEYS = List.of("name", "address", "secret", "operator",
            "require-message-authenticator", "role");
    static final int SHORT_SECRET = 16;

    private final SecretResolver secrets;

    ClientsBinder(SecretResolver secrets) {
        this.secrets = secrets;
    }

    Optional<ClientConfig> bind(MapReader client) {
        Problems problems = client.problems();
        int errorsBefore = problems.errorCount();
        client.allowOnly(KEYS);
        Optional<String> name = client.requiredString("name", "give each client a unique name, e.g. ap-stadhuis");
        Optional<IpRange> address = client.requiredField("address", "write its IP address or network, e.g. 192.0.2.0/24")
                .flatMap(f -> client.text(f).flatMap(text -> {
                    try {
                        return Optional.of(IpRange.parse(text));
                    } catch (IllegalArgumentException e) {
                        problems.error(f.line(), f.path(), e.getMessage());
                        return Optional.empty();
                    }
                }));
        Optional<Secret> secret = client.requiredField("secret",
                        "write secret: {env: VARIABLE}, secret: {file: /path} or an inline secret")
                .flatMap(f -> secrets.resolve(f, client));
        secret.filter(ClientsBinder::isShort).ifPresent(s -> problems.warning(client.lineOf("secret"),
                client.pathOf("secret"), "the shared secret is shorter than " + SHORT_SECRET
                        + " characters; use a long random one (e.g. openssl rand -base64 24)"));
        Optional<String> operator = client.requiredString("operator",
                "write the domain of the municipality or operator it belongs to, e.g. nijmegen.nl");
        operator.flatMap(ValueChecks::domainProblem).ifPresent(problem ->
                problems.error(client.lineOf("operator"), client.pathOf("operator"), problem));
        boolean requireMessageAuthenticator = client.bool("require-message-authenticator", true);
        if (!requireMessageAuthenticator && client.has("require-message-authenticator")) {
            problems.warning(client.lineOf("require-message-authenticator"),
                    client.pathOf("require-message-authenticator"), "without a required Message-Authenticator this "
                            + "client is open to BlastRADIUS (CVE-2024-3596); keep true unless the NAS cannot send it");
        }
        ClientRole role = client.choice("role", ClientRole.class, ClientRole.NAS);
        if (problems.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ClientConfig(name.orElseThrow(), address.orElseThrow(), secret.orElseThrow(),
                operator.orElseThrow(), requireMessageAuthenticator, role));
    }

    private static boolean isShort(Secret secret) {
        char[] chars = secret.chars();
        try {
            return chars.length < SHORT_SECRET;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
