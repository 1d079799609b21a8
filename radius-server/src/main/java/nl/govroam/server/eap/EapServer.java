package nl.govroam.server.eap;

import java.io.IOException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.server.certs.CertificateFiles;
import nl.govroam.server.certs.CertifiedKey;
import nl.govroam.server.config.EapConfig;
import nl.govroam.server.eap.inner.PeapMethod;
import nl.govroam.server.eap.inner.TtlsMethod;
import nl.govroam.server.eap.tls.ClientCertificateValidator;
import nl.govroam.server.eap.tls.EapTlsMethod;
import nl.govroam.server.eap.tls.ResumptionScope;
import nl.govroam.server.eap.tls.SessionCache;
import nl.govroam.server.eap.tls.TlsServerSettings;
import nl.govroam.server.eap.tls.TlsTunnel;

/**
 * EAP over RADIUS for one configuration: takes the joined EAP-Message of an Access-Request and its State, finds or
 * starts the conversation, negotiates the method (Identity, then our preferred method, a Legacy-Nak may pick
 * another enabled one) and runs it round by round. Conversations live in a bounded {@link EapSessionStore} that
 * outlives a reload. With {@code eap.resumption} on, TLS 1.2 sessions of successful authentications are kept in a
 * bounded {@link SessionCache} for resumption. Thread-safe; never blocks (directory answers complete a round later).
 */
public final class EapServer {
    private final EapConfig config;
    private final TlsServerSettings tls;
    private final Map<String, Set<TrustAnchor>> clientCas;
    private final EapSessionStore<EapConversation> sessions;
    private final Optional<SessionCache> resumable;

    EapServer(EapConfig config, TlsServerSettings tls, Map<String, Set<TrustAnchor>> clientCas,
              EapSessionStore<EapConversation> sessions, Optional<SessionCache> resumable) {
        this.config = config;
        this.tls = tls;
        this.clientCas = Map.copyOf(clientCas);
        this.sessions = sessions;
        this.resumable = resumable;
    }

    /**
     * Loads the server certificate and the client CAs.
     *
     * @param previous the server of the snapshot before a reload, whose conversations carry on; or empty
     * @throws IOException when a certificate or key file cannot be read (the message names it)
     */
    public static EapServer create(EapConfig config, Optional<EapServer> previous) throws IOException {
        EapConfig.CertificateConfig c = config.certificate();
        Optional<char[]> password = c.password().map(s -> s.chars());
        CertifiedKey serverKey = c.pkcs12File().isPresent()
                ? CertificateFiles.readPkcs12(c.pkcs12File().get(), password.orElse(new char[0]))
                : CertificateFiles.readPem(c.certificateFile().orElseThrow(), c.chainFile(), c.keyFile().orElseThrow(),
                        password);
        TlsServerSettings tls = TlsServerSettings.of(serverKey, config.minTlsVersion(), config.maxTlsVersion());
        Map<String, Set<TrustAnchor>> cas = new LinkedHashMap<>();
        for (EapConfig.ClientCa ca : config.clientCas()) {
            Set<TrustAnchor> anchors = cas.computeIfAbsent(ca.realm().toLowerCase(java.util.Locale.ROOT), r -> new HashSet<>());
            for (X509Certificate cert : CertificateFiles.readCertificates(ca.caFile())) {
                anchors.add(new TrustAnchor(cert, null));
            }
        }
        EapSessionStore<EapConversation> store = previous.map(p -> p.sessions)
                .orElseGet(() -> new EapSessionStore<>(config.maxSessions(), config.sessionTimeout()));
        return new EapServer(config, tls, cas, store, resumptionCache(config, previous));
    }

    /**
     * The cache of resumable TLS sessions: none when resumption is off; the previous one when a reload kept
     * resumption, the server certificate and the client CAs as they were; else a new, empty one.
     */
    private static Optional<SessionCache> resumptionCache(EapConfig config, Optional<EapServer> previous) {
        EapConfig.Resumption r = config.resumption();
        if (!r.enabled()) {
            return Optional.empty();
        }
        Optional<SessionCache> kept = previous.filter(p -> p.resumable.isPresent()
                        && p.config.resumption().equals(r) && p.config.certificate().equals(config.certificate())
                        && p.config.clientCas().equals(config.clientCas()))
                .flatMap(p -> p.resumable);
        return kept.isPresent() ? kept : Optional.of(new SessionCache(r.maxSessions(), r.lifetime()));
    }

    public EapConfig config() {
        return config;
    }

    /** Store counters for metrics; with resumption on also the session cache's, prefixed {@code resumption-}. */
    public Map<String, Long> sessionCounters() {
        Map<String, Long> out = new java.util.HashMap<>(sessions.counters());
        resumable.ifPresent(c -> c.counters().forEach((k, v) -> out.put("resumption-" + k, v)));
        return out;
    }

    /**
     * Decides one round. Called on the event loop: a round that runs the TLS handshake's arithmetic goes to
     * {@code heavyWork}; every other round (identity, fragments, the inner method) runs on the calling thread, and
     * one that needs the directory completes when the directory answers, without a thread waiting for it.
     *
     * @param eapMessage    the joined EAP-Message attributes
     * @param state         the State attribute, if any
     * @param outerIdentity the outer User-Name the request was routed on
     * @param directoryName the directory of the realm
     * @param directory     that directory
     * @param heavyWork     where a round with TLS handshake arithmetic runs ({@code Runnable::run} on a worker)
     */
    public CompletionStage<EapOutcome> handle(byte[] eapMessage, Optional<byte[]> state, String outerIdentity,
                                              String directoryName, DirectoryAuthenticator directory,
                                              Executor heavyWork) {
        Optional<EapPacket> parsed = EapPacket.parse(eapMessage);
        if (parsed.isEmpty() || parsed.get().code() != EapCode.RESPONSE) {
            return CompletableFuture.completedFuture(new EapOutcome.Reject(null, null, null, null, "malformed-eap",
                    "EAP-Message is not a valid EAP Response (RFC 3748 4)"));
        }
        EapPacket response = parsed.get();
        if (state.isEmpty()) {
            if (response.type() != EapType.IDENTITY) {
                return CompletableFuture.completedFuture(reject(response, null, "eap-without-state",
                        "an EAP conversation starts with EAP-Identity"));
            }
            EapConversation conversation = new EapConversation(outerIdentity, directoryName);
            return CompletableFuture.completedFuture(propose(conversation, response, config.methods().get(0), true));
        }
        EapConversation conversation = sessions.take(state.get()).orElse(null);
        if (conversation == null) {
            return CompletableFuture.completedFuture(reject(response, null, "unknown-eap-state",
                    "State is unknown or expired; the conversation timed out or was evicted"));
        }
        AccountCheck accounts = new AccountCheck(directory, conversation.outerIdentity);
        CompletionStage<EapOutcome> outcome;
        try {
            outcome = response.type() == conversation.method.type() && conversation.method.computes(response.data())
                    ? CompletableFuture.supplyAsync(() -> round(conversation, response, accounts), heavyWork)
                            .thenCompose(Function.identity())
                    : round(conversation, response, accounts);
        } catch (RuntimeException e) {
            close(conversation);
            throw e;
        }
        return outcome.whenComplete((done, failure) -> {
            if (failure != null) {
                close(conversation);
            }
        });
    }

    private CompletionStage<EapOutcome> round(EapConversation conversation, EapPacket response, AccountCheck accounts) {
        if (response.identifier() != conversation.requestIdentifier) {
            close(conversation);
            return CompletableFuture.completedFuture(reject(response, conversation, "eap-identifier-mismatch",
                    "response identifier " + response.identifier() + " does not answer request "
                            + conversation.requestIdentifier));
        }
        if (++conversation.rounds > EapConversation.MAX_ROUNDS) {
            close(conversation);
            return CompletableFuture.completedFuture(reject(response, conversation, "too-many-rounds",
                    "more than " + EapConversation.MAX_ROUNDS + " rounds"));
        }
        if (response.type() == EapType.NAK) {
            return CompletableFuture.completedFuture(nak(conversation, response));
        }
        if (response.type() != conversation.method.type()) {
            close(conversation);
            return CompletableFuture.completedFuture(reject(response, conversation, "unexpected-eap-type",
                    "got type " + response.type() + " during " + conversation.method.name()));
        }
        conversation.methodStarted = true;
        MethodStep step = conversation.method.step(response.data(), accounts);
        return step instanceof MethodStep.Pending pending
                ? pending.next().thenApply(s -> finish(conversation, response, s))
                : CompletableFuture.completedFuture(finish(conversation, response, step));
    }

    /** The outcome of a round's final step. */
    private EapOutcome finish(EapConversation conversation, EapPacket response, MethodStep step) {
        return switch (step) {
            case MethodStep.Continue c -> challenge(conversation, (response.identifier() + 1) & 0xFF, c.typeData(), false);
            case MethodStep.Success s -> {
                MethodHandler m = conversation.method;
                m.keepForResumption(conversation.directory, s.account());
                close(conversation);
                yield new EapOutcome.Accept(EapPacket.success(response.identifier()).encode(), s.msk(), m.name(),
                        m.innerIdentity().orElse(null), m.tlsVersion().orElse(null), s.account(), m.resumed());
            }
            case MethodStep.Failure f -> {
                close(conversation);
                yield reject(response, conversation, f.reason(), f.detail());
            }
            case MethodStep.Unavailable u -> {
                close(conversation);
                yield new EapOutcome.Unavailable(conversation.method.name(),
                        conversation.method.innerIdentity().orElse(null), conversation.method.tlsVersion().orElse(null),
                        u.why());
            }
            case MethodStep.Pending p -> throw new IllegalStateException(
                    conversation.method.name() + ": a directory answer led to another wait");
        };
    }

    /** RFC 3748 5.3.1: a Legacy-Nak to our proposal lists the types the peer wants; take the first we offer. */
    private EapOutcome nak(EapConversation conversation, EapPacket response) {
        if (conversation.methodStarted) {
            close(conversation);
            return reject(response, conversation, "unexpected-nak", "Nak after the method had started");
        }
        byte[] wanted = response.data();
        for (byte b : wanted) {
            for (EapConfig.Method m : config.methods()) {
                if (EapMethod.valueOf(m.name()).type() == (b & 0xFF) && (b & 0xFF) != conversation.method.type()) {
                    close(conversation);
                    return propose(conversation, response, m, false);
                }
            }
        }
        close(conversation);
        return reject(response, conversation, "no-common-eap-method", "the peer wants types "
                + java.util.HexFormat.ofDelimiter(",").formatHex(wanted) + "; offered " + config.methods());
    }

    private EapOutcome propose(EapConversation conversation, EapPacket response, EapConfig.Method method, boolean isNew) {
        try {
            conversation.method = newHandler(method, conversation);
        } catch (IOException e) {
            return reject(response, conversation, "tls-setup-failed", e.getMessage());
        }
        conversation.methodStarted = false;
        int next = (response.identifier() + 1) & 0xFF;
        return challenge(conversation, next, conversation.method.start(), isNew);
    }

    private MethodHandler newHandler(EapConfig.Method method, EapConversation conversation) throws IOException {
        int fragment = config.fragmentSize();
        int max = config.maxMessageSize();
        ResumptionScope resumption = new ResumptionScope(resumable, conversation.directory);
        return switch (method) {
            case TTLS -> new TtlsMethod(TlsTunnel.open(tls, EapType.TTLS, resumption, fragment, max));
            case PEAP -> new PeapMethod(TlsTunnel.open(tls, EapType.PEAP, resumption, fragment, max),
                    () -> (conversation.requestIdentifier + 1) & 0xFF);
            case TLS -> {
                ClientCertificateValidator validator = new ClientCertificateValidator(
                        anchorsFor(IdentityRules.realmPart(conversation.outerIdentity)));
                yield new EapTlsMethod(TlsTunnel.openWithClientCertificate(tls, EapType.TLS, validator, resumption,
                        fragment, max), validator);
            }
        };
    }

    private Set<TrustAnchor> anchorsFor(String realm) {
        String r = realm.toLowerCase(java.util.Locale.ROOT);
        Set<TrustAnchor> out = new HashSet<>();
        clientCas.forEach((configured, anchors) -> {
            if (r.equals(configured) || r.endsWith("." + configured)) {
                out.addAll(anchors);
            }
        });
        return out;
    }

    private EapOutcome challenge(EapConversation conversation, int identifier, byte[] typeData, boolean isNew) {
        conversation.requestIdentifier = identifier;
        byte[] eap = EapPacket.request(identifier, conversation.method.type(), typeData).encode();
        byte[] state = sessions.put(conversation, isNew);
        return new EapOutcome.Challenge(eap, state);
    }

    private static EapOutcome reject(EapPacket response, EapConversation conversation, String reason, String detail) {
        MethodHandler m = conversation == null ? null : conversation.method;
        return new EapOutcome.Reject(EapPacket.failure(response.identifier()).encode(), m == null ? null : m.name(),
                m == null ? null : m.innerIdentity().orElse(null), m == null ? null : m.tlsVersion().orElse(null),
                reason, detail);
    }

    private static void close(EapConversation conversation) {
        if (conversation.method != null) {
            conversation.method.close();
        }
    }
}
