package nl.govroam.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code eap:} section: which EAP methods are offered, the server certificate, TLS versions, framing bounds,
 * the conversation store, EAP-TLS trust per realm and CUI keys per realm.
 *
 * @param methods         the methods offered, in preference order; the first is proposed after EAP-Identity
 * @param certificate     the server certificate and key
 * @param minTlsVersion   the lowest TLS version accepted
 * @param maxTlsVersion   the highest TLS version negotiated
 * @param fragmentSize    TLS data per outgoing EAP packet, in octets
 * @param maxMessageSize  the largest reassembled incoming TLS message, in octets; beyond it the conversation is rejected
 * @param maxSessions     EAP conversations kept at once; the oldest is evicted beyond it
 * @param sessionTimeout  how long an unanswered conversation is kept
 * @param clientCas       EAP-TLS: the CAs whose client certificates are accepted, per realm
 * @param cuiKeys         Chargeable-User-Identity keys, per realm
 * @param resumption      TLS session resumption (off by default)
 */
public record EapConfig(
        List<Method> methods,
        CertificateConfig certificate,
        TlsVersion minTlsVersion,
        TlsVersion maxTlsVersion,
        int fragmentSize,
        int maxMessageSize,
        int maxSessions,
        Duration sessionTimeout,
        List<ClientCa> clientCas,
        List<CuiKey> cuiKeys,
        Resumption resumption) {

    public static final int DEFAULT_FRAGMENT_SIZE = 1000;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;
    public static final int DEFAULT_MAX_SESSIONS = 50_000;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(30);

    public EapConfig {
        methods = List.copyOf(methods);
        clientCas = List.copyOf(clientCas);
        cuiKeys = List.copyOf(cuiKeys);
    }

    /**
     * TLS session resumption (RFC 5246 7.3, RFC 5216 2.1.2): a TLS 1.2 session of a whole successful EAP
     * authentication may be resumed within {@code lifetime} of that authentication; at most {@code maxSessions}
     * are kept, the oldest goes first.
     */
    public record Resumption(boolean enabled, Duration lifetime, int maxSessions) {
        /** RFC 5246 F.1.4 suggests session lifetimes of at most 24 hours. */
        public static final Duration MAX_LIFETIME = Duration.ofHours(24);
        public static final Resumption DEFAULT = new Resumption(false, Duration.ofHours(1), 10_000);
    }

    /** An outer EAP method. */
    public enum Method {
        PEAP, TTLS, TLS
    }

    /** A TLS protocol version, written {@code "1.2"} or {@code "1.3"}. */
    public enum TlsVersion {
        TLS_1_2("1.2"), TLS_1_3("1.3");

        private final String text;

        TlsVersion(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The server certificate: PEM files or one PKCS#12 file.
     *
     * @param certificateFile PEM: the server certificate, optionally followed by its chain
     * @param chainFile       PEM: intermediate CA certificates, if not in the certificate file
     * @param keyFile         PEM: the private key (PKCS#8, or traditional RSA/EC)
     * @param pkcs12File      PKCS#12 with key and chain, instead of the PEM files
     * @param password        the password of an encrypted PEM key or of the PKCS#12 file
     * @param development     the files are this server's development certificates: made at start when absent
     */
    public record CertificateConfig(Optional<Path> certificateFile, Optional<Path> chainFile, Optional<Path> keyFile,
                                    Optional<Path> pkcs12File, Optional<Secret> password, boolean development) {
    }

    /** EAP-TLS: client certificates of users of {@code realm} (and its subdomains) must chain to one of these CAs. */
    public record ClientCa(String realm, Path caFile) {
    }

    /** The key of the Chargeable-User-Identity hash for users of {@code realm}. Never logged. */
    public record CuiKey(String realm, Secret key) {
    }

    /** The CA files trusted for client certificates of this realm (the exact realm or a parent realm). */
    public List<Path> clientCaFiles(String realm) {
        return clientCas.stream().filter(ca -> realmMatches(ca.realm(), realm)).map(ClientCa::caFile).toList();
    }

    /** The CUI key for this realm (the exact realm or a parent realm), if configured. */
    public Optional<Secret> cuiKey(String realm) {
        return cuiKeys.stream().filter(k -> realmMatches(k.realm(), realm)).map(CuiKey::key).findFirst();
    }

    static boolean realmMatches(String configured, String realm) {
        String c = configured.toLowerCase(java.util.Locale.ROOT);
        String r = realm.toLowerCase(java.util.Locale.ROOT);
        return r.equals(c) || r.endsWith("." + c);
    }
}
