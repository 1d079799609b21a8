package nl.govroam.server.eap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.ldap.LoginName;
import nl.govroam.ldap.RejectReason;
import nl.govroam.ldap.ServerHealth;
import nl.govroam.server.certs.CertificateIssuer;
import nl.govroam.server.certs.CertifiedKey;
import nl.govroam.server.config.EapConfig;
import nl.govroam.server.eap.tls.TlsServerSettings;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Method negotiation, State handling and malformed input, driven with hand-made EAP packets. */
class EapServerTest {
    private static final String OUTER = "anonymous@gemeente-test.nl";
    private static TlsServerSettings tls;

    /** Never reached in these tests: they end before any inner method runs. */
    private static final DirectoryAuthenticator NO_DIRECTORY = new DirectoryAuthenticator() {
        public String name() {
            return "none";
        }

        public AuthOutcome authenticate(LoginName login, char[] password) {
            return new AuthOutcome.Rejected(RejectReason.UNKNOWN_USER, "test");
        }

        public AuthOutcome lookup(LoginName login) {
            return new AuthOutcome.Rejected(RejectReason.UNKNOWN_USER, "test");
        }

        public List<ServerHealth> health() {
            return List.of();
        }

        public void close() {
        }
    };

    @BeforeAll
    static void keys() throws Exception {
        CertifiedKey ca = CertificateIssuer.newCa("unit CA", Duration.ofDays(1));
        tls = TlsServerSettings.of(CertificateIssuer.issue(ca, "radius.test", List.of(),
                List.of(KeyPurposeId.id_kp_serverAuth), Duration.ofDays(1)),
                EapConfig.TlsVersion.TLS_1_2, EapConfig.TlsVersion.TLS_1_3);
    }

    private static EapServer server(EapConfig.Method... methods) {
        EapConfig config = new EapConfig(List.of(methods), new EapConfig.CertificateConfig(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false),
                EapConfig.TlsVersion.TLS_1_2, EapConfig.TlsVersion.TLS_1_3, 1000, 65536, 100, Duration.ofSeconds(30),
                List.of(), List.of(), EapConfig.Resumption.DEFAULT);
        return new EapServer(config, tls, Map.of(), new EapSessionStore<>(100, Duration.ofSeconds(30)),
                Optional.empty());
    }

    private static byte[] response(int id, int type, byte[] data) {
        return new EapPacket(EapCode.RESPONSE, id, type, data).encode();
    }

    private static EapOutcome identity(EapServer server) {
        return decide(server, response(7, EapType.IDENTITY, OUTER.getBytes(StandardCharsets.UTF_8)), Optional.empty(),
                OUTER, "test", NO_DIRECTORY);
    }

    /** One round as the event loop runs it, with the handshake arithmetic inline. */
    private static EapOutcome decide(EapServer server, byte[] eap, Optional<byte[]> state, String outer,
                                     String directoryName, DirectoryAuthenticator directory) {
        return decide(server, eap, state, outer, directoryName, directory, Runnable::run);
    }

    private static EapOutcome decide(EapServer server, byte[] eap, Optional<byte[]> state, String outer,
                                     String directoryName, DirectoryAuthenticator directory, Executor workers) {
        return server.handle(eap, state, outer, directoryName, directory, workers).toCompletableFuture().join();
    }

    private static EapPacket eapOf(EapOutcome.Challenge c) {
        return EapPacket.parse(c.eap()).orElseThrow();
    }

    @Test
    void identityGetsTheFirstConfiguredMethodsStart() {
        EapOutcome.Challenge c = assertInstanceOf(EapOutcome.Challenge.class, identity(server(EapConfig.Method.TTLS,
                EapConfig.Method.PEAP)));
        EapPacket request = eapOf(c);
        assertEquals(EapCode.REQUEST, request.code());
        assertEquals(8, request.identifier());
        assertEquals(EapType.TTLS, request.type());
        assertArrayEquals(new byte[] {0x20}, request.data());
        assertEquals(16, c.state().length);
    }

    @Test
    void nakForAnotherEnabledMethodStartsIt() {
        EapServer server = server(EapConfig.Method.TTLS, EapConfig.Method.PEAP);
        EapOutcome.Challenge c = (EapOutcome.Challenge) identity(server);
        EapOutcome next = decide(server, response(8, EapType.NAK, new byte[] {(byte) EapType.PEAP}),
                Optional.of(c.state()), OUTER, "test", NO_DIRECTORY);
        assertEquals(EapType.PEAP, eapOf(assertInstanceOf(EapOutcome.Challenge.class, next)).type());
    }

    @Test
    void nakForOnlyMethodsNotEnabledIsRejectedWithEapFailure() {
        EapServer server = server(EapConfig.Method.TTLS, EapConfig.Method.PEAP);
        EapOutcome.Challenge c = (EapOutcome.Challenge) identity(server);
        EapOutcome.Reject r = assertInstanceOf(EapOutcome.Reject.class, decide(server, 
                response(8, EapType.NAK, new byte[] {4, (byte) EapType.TLS}), Optional.of(c.state()), OUTER, "test",
                NO_DIRECTORY));
        assertEquals("no-common-eap-method", r.reason());
        assertEquals(EapCode.FAILURE, EapPacket.parse(r.eap()).orElseThrow().code());
    }

    @Test
    void unknownOrReusedStateIsRejected() {
        EapServer server = server(EapConfig.Method.TTLS);
        EapOutcome.Challenge c = (EapOutcome.Challenge) identity(server);
        byte[] garbageTls = {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5};
        EapOutcome first = decide(server, response(8, EapType.TTLS, concat(new byte[] {0}, garbageTls)),
                Optional.of(c.state()), OUTER, "test", NO_DIRECTORY);
        assertInstanceOf(EapOutcome.Reject.class, first);
        EapOutcome.Reject replay = assertInstanceOf(EapOutcome.Reject.class, decide(server, 
                response(8, EapType.TTLS, new byte[] {0}), Optional.of(c.state()), OUTER, "test", NO_DIRECTORY));
        assertEquals("unknown-eap-state", replay.reason());
        assertEquals("unknown-eap-state", ((EapOutcome.Reject) decide(server, response(1, EapType.TTLS, new byte[] {0}),
                Optional.of(new byte[16]), OUTER, "test", NO_DIRECTORY)).reason());
    }

    @Test
    void methodResponseWithoutStateIsRejected() {
        EapOutcome.Reject r = assertInstanceOf(EapOutcome.Reject.class, decide(server(EapConfig.Method.TTLS),
                response(1, EapType.TTLS, new byte[] {0}), Optional.empty(), OUTER, "test", NO_DIRECTORY));
        assertEquals("eap-without-state", r.reason());
    }

    @Test
    void malformedEapIsRejectedNeverThrown() {
        EapServer server = server(EapConfig.Method.TTLS);
        byte[][] bad = {
                {}, {2}, {2, 1, 0},
                {2, 1, 0, 9, 1},                  // Length longer than the octets
                {2, 1, 0, 3, 1},                  // Length shorter than the header
                {2, 1, 0, 4},                     // Response without a type
                {1, 1, 0, 5, 1},                  // a Request from the peer
                {3, 1, 0, 5, 0},                  // Success with data
                {9, 1, 0, 4}};                    // unknown code
        for (byte[] b : bad) {
            EapOutcome.Reject r = assertInstanceOf(EapOutcome.Reject.class,
                    decide(server, b, Optional.empty(), OUTER, "test", NO_DIRECTORY));
            assertEquals("malformed-eap", r.reason());
        }
    }

    @Test
    void badFlagsAndGarbageTlsEndTheConversationWithAReject() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            EapServer server = server(EapConfig.Method.TTLS, EapConfig.Method.PEAP, EapConfig.Method.TLS);
            EapOutcome.Challenge c = (EapOutcome.Challenge) identity(server);
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            EapOutcome outcome = decide(server, response(8, EapType.TTLS, data), Optional.of(c.state()), OUTER, "test",
                    NO_DIRECTORY);
            if (outcome instanceof EapOutcome.Challenge more) {
                // a fragment with M set is acknowledged; the next garbage ends it
                outcome = decide(server, response(9, EapType.TTLS, new byte[] {(byte) 0x80, 0, 0}),
                        Optional.of(more.state()), OUTER, "test", NO_DIRECTORY);
            }
            assertInstanceOf(EapOutcome.Reject.class, outcome);
        }
    }

    @Test
    void onlyTheWholeClientHelloGoesToTheWorkers() {
        EapServer server = server(EapConfig.Method.TTLS);
        AtomicInteger handedOff = new AtomicInteger();
        Executor workers = task -> {
            handedOff.incrementAndGet();
            task.run();
        };
        EapOutcome.Challenge start = (EapOutcome.Challenge) identity(server);
        byte[] firstPiece = {(byte) 0xC0, 0, 0, 0, 20, 0x16, 3, 1, 0, 15, 1, 2, 3, 4, 5};
        EapOutcome.Challenge ack = assertInstanceOf(EapOutcome.Challenge.class, decide(server,
                response(8, EapType.TTLS, firstPiece), Optional.of(start.state()), OUTER, "test", NO_DIRECTORY, workers));
        assertEquals(0, handedOff.get(), "a fragment with more to come is acknowledged where it arrived");
        byte[] lastPiece = {0, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        EapOutcome.Reject r = assertInstanceOf(EapOutcome.Reject.class, decide(server,
                response(9, EapType.TTLS, lastPiece), Optional.of(ack.state()), OUTER, "test", NO_DIRECTORY, workers));
        assertEquals(1, handedOff.get(), "the whole message runs the handshake on a worker");
        assertEquals("tls-failed", r.reason());
    }

    @Test
    void wrongIdentifierIsRejected() {
        EapServer server = server(EapConfig.Method.TTLS);
        EapOutcome.Challenge c = (EapOutcome.Challenge) identity(server);
        EapOutcome.Reject r = assertInstanceOf(EapOutcome.Reject.class, decide(server, response(99, EapType.TTLS,
                new byte[] {0}), Optional.of(c.state()), OUTER, "test", NO_DIRECTORY));
        assertEquals("eap-identifier-mismatch", r.reason());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
