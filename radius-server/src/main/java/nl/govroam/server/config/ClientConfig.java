package nl.govroam.server.config;

/**
 * A RADIUS client: a NAS or a federation proxy, known by its source address.
 *
 * @param name                        a name for logs and metrics
 * @param address                     its address or network
 * @param secret                      the shared secret
 * @param operator                    the municipality or operator it belongs to (its domain, e.g. {@code nijmegen.nl})
 * @param requireMessageAuthenticator drop Access-Requests without a valid Message-Authenticator (BlastRADIUS; default true)
 * @param role                        nas or federation
 */
public record ClientConfig(
        String name,
        IpRange address,
        Secret secret,
        String operator,
        boolean requireMessageAuthenticator,
        ClientRole role) {
}
