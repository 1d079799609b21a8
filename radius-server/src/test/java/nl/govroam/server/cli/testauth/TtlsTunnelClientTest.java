package nl.govroam.server.cli.testauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.ldap.DirectoryAuthenticator;
import nl.govroam.ldap.LoginName;
import nl.govroam.ldap.ServerHealth;
import nl.govroam.server.certs.CertificateIssuer;
import nl.govroam.server.certs.CertifiedKey;
import nl.govroam.server.config.EapConfig;
import nl.govroam.server.crypto.NativeCrypto;
import nl.govroam.server.eap.AccountCheck;
import nl.govroam.server.eap.MethodStep;
import nl.govroam.server.eap.inner.TtlsMethod;
import nl.govroam.server.eap.tls.TlsServerSettings;
import nl.govroam.server.eap.tls.ResumptionScope;
import nl.govroam.server.eap.tls.TlsTunnel;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test client's tunnel against the server's own {@link TlsTunnel}, both with small fragments so that each side
 * must fragment, acknowledge and reassemble: the inner AVPs arrive intact and both sides derive the same MSK. With
 * an EC and an RSA server key, and with the server's signature and X25519 made by OpenSSL and by Bouncy Castle.
 */
class TtlsTunnelClientTest {
    private static final int TTLS = 21;
    private static final int SMALL_FRAGMENTS = 200;
    private static CertifiedKey ca;
    private static TlsServerSettings settings;
    private static CertifiedKey ecServer;
    private static CertifiedKey rsaServer;

    @BeforeAll
    static void certificates() throws Exception {
        ca = CertificateIssuer.newCa("tunnel test CA", Duration.ofDays(1));
        CertifiedKey server = CertificateIssuer.issue(ca, "radius.test", List.of(new GeneralName(GeneralName.dNSName,
                "radius.test")), List.of(KeyPurposeId.id_kp_serverAuth), Duration.ofDays(1));
        ecServer = server;
        settings = TlsServerSettings.of(server, EapConfig.TlsVersion.TLS_1_2, EapConfig.TlsVersion.TLS_1_3);
        rsaServer = rsaServer(ca);
    }

    /** An RSA-2048 server certificate for radius.test, signed by the (EC) test CA. */
    private static CertifiedKey rsaServer(CertifiedKey ca) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), BigInteger.TWO,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                new X500Name("CN=radius.test"), keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, "radius.test")))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.key())));
        return new CertifiedKey(List.of(cert, ca.certificate()), keys.getPrivate());
    }

    private record Run(byte[] inner, int rounds, TunnelTlsClient tls, TlsTunnel server) {
    }

    private static Run run(ServerCertificateCheck check, ProtocolVersion version) throws Exception {
        return run(check, version, settings);
    }

    private static Run run(ServerCertificateCheck check, ProtocolVersion version, TlsServerSettings settings)
            throws Exception {
        return run(check, version, settings, new ArrayList<>());
    }

    /** @param computing gets the round numbers whose response the server said it would compute on ({@link TlsTunnel#computes}) */
    private static Run run(ServerCertificateCheck check, ProtocolVersion version, TlsServerSettings settings,
                           List<Integer> computing) throws Exception {
        TunnelTlsClient tls = new TunnelTlsClient(check, new ProtocolVersion[] {version});
        TtlsTunnelClient client = new TtlsTunnelClient(tls, InnerPap.avps("jan@gemeente.nl", "geheim".toCharArray()),
                SMALL_FRAGMENTS);
        TlsTunnel server = TlsTunnel.open(settings, TTLS, ResumptionScope.NONE, SMALL_FRAGMENTS, 64 * 1024);
        byte[] request = TlsTunnel.startTypeData();
        for (int round = 1; round <= 60; round++) {
            byte[] response = client.respond(request);
            if (server.computes(response)) {
                computing.add(round);
            }
            switch (server.receive(response)) {
                case TlsTunnel.Reply reply -> request = reply.typeData();
                case TlsTunnel.Failed failed -> fail(failed.reason());
                case TlsTunnel.Received received -> {
                    if (received.applicationData().length > 0) {
                        return new Run(received.applicationData(), round, tls, server);
                    }
                    request = server.send(received.output());
                }
            }
        }
        return fail("no inner data after 60 rounds");
    }

    @ParameterizedTest(name = "TLS 1.3: {0}, {1} key, OpenSSL: {2}")
    @CsvSource({"false, EC, true", "true, EC, true", "false, RSA, true", "true, RSA, true",
            "false, EC, false", "true, EC, false", "false, RSA, false", "true, RSA, false"})
    void innerAvpsArriveAndBothSidesDeriveTheSameMsk(boolean tls13, String key, boolean openssl) throws Exception {
        NativeCrypto.Availability crypto = openssl ? NativeCrypto.availability()
                : new NativeCrypto.Availability(Optional.empty(), "off for this test");
        CertifiedKey serverKey = key.equals("RSA") ? rsaServer : ecServer;
        TlsServerSettings server = TlsServerSettings.of(serverKey, EapConfig.TlsVersion.TLS_1_2,
                EapConfig.TlsVersion.TLS_1_3, crypto);
        Run run = run(ServerCertificateCheck.trusting(ca.chain(), "radius.test"),
                tls13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12, server);
        assertArrayEquals(InnerPap.avps("jan@gemeente.nl", "geheim".toCharArray()), run.inner());
        assertArrayEquals(run.server().keys().msk(), run.tls().msk());
        assertEquals(tls13 ? "TLSv1.3" : "TLSv1.2", run.tls().tlsVersion());
        assertTrue(run.rounds() > 6, "fragments of " + SMALL_FRAGMENTS + " octets take several rounds: " + run.rounds());
    }

    /**
     * The rounds an event loop hands to a worker: the one whose response completes the ClientHello and the one that
     * completes the client's next flight (TLS 1.2: key share and Finished; TLS 1.3: Finished); never a fragment, an
     * acknowledgement or a record after the handshake.
     */
    @ParameterizedTest(name = "TLS 1.3: {0}")
    @CsvSource({"false", "true"})
    void onlyTheClientsWholeHandshakeFlightsAreComputedOffTheLoop(boolean tls13) throws Exception {
        List<Integer> computing = new ArrayList<>();
        Run run = run(ServerCertificateCheck.trusting(ca.chain(), "radius.test"),
                tls13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12, settings, computing);
        assertEquals(2, computing.size(), "ClientHello and the client's next flight, in rounds " + computing
                + " of " + run.rounds());
        // TLS 1.3's ClientHello (with its key shares) takes two fragments, and the first of them is a cheap round
        assertEquals(tls13 ? 2 : 1, computing.get(0), "the round that completes the ClientHello");
        assertTrue(computing.get(1) > computing.get(0) + 1,
                "the server's flight, in fragments, is acknowledged in cheap rounds between: " + computing);
        // TLS 1.3: the client's Finished and the inner data arrive together; TLS 1.2: the inner data comes after
        assertEquals(tls13, run.rounds() == computing.get(1), "rounds " + computing + " of " + run.rounds());
    }

    @Test
    void theInnerPapRoundWaitsForTheDirectoryWithoutAThread() throws Exception {
        CompletableFuture<AuthOutcome> directoryAnswer = new CompletableFuture<>();
        List<String> asked = new ArrayList<>();
        DirectoryAuthenticator directory = new DirectoryAuthenticator() {
            public String name() {
                return "slow";
            }

            public AuthOutcome authenticate(LoginName login, char[] password) {
                throw new AssertionError("an EAP round must not block on the directory");
            }

            public AuthOutcome lookup(LoginName login) {
                throw new AssertionError("an EAP round must not block on the directory");
            }

            @Override
            public CompletionStage<AuthOutcome> authenticateAsync(LoginName login, char[] password) {
                asked.add(login.user() + "@" + login.realm() + ":" + new String(password));
                return directoryAnswer;
            }

            public List<ServerHealth> health() {
                return List.of();
            }

            public void close() {
            }
        };
        TunnelTlsClient tls = new TunnelTlsClient(ServerCertificateCheck.trusting(ca.chain(), "radius.test"),
                new ProtocolVersion[] {ProtocolVersion.TLSv12});
        TtlsTunnelClient client = new TtlsTunnelClient(tls, InnerPap.avps("jan@gemeente.nl", "geheim".toCharArray()),
                SMALL_FRAGMENTS);
        TtlsMethod method = new TtlsMethod(TlsTunnel.open(settings, TTLS, ResumptionScope.NONE, SMALL_FRAGMENTS,
                64 * 1024));
        AccountCheck accounts = new AccountCheck(directory, "anonymous@gemeente.nl");
        byte[] request = method.start();
        MethodStep step = null;
        for (int round = 1; round <= 60 && !(step instanceof MethodStep.Pending); round++) {
            step = method.step(client.respond(request), accounts);
            if (step instanceof MethodStep.Continue next) {
                request = next.typeData();
            } else if (!(step instanceof MethodStep.Pending)) {
                fail("unexpected step " + step);
            }
        }
        MethodStep.Pending pending = assertInstanceOf(MethodStep.Pending.class, step);
        assertEquals(List.of("jan@gemeente.nl:geheim"), asked);
        assertFalse(pending.next().toCompletableFuture().isDone(), "the round is open until the directory answers");
        directoryAnswer.complete(new AuthOutcome.Accepted("uid=jan,ou=people,dc=gemeente,dc=nl", List.of(),
                Optional.of("100")));
        MethodStep.Success success = assertInstanceOf(MethodStep.Success.class,
                pending.next().toCompletableFuture().getNow(null), "completed by the directory's answer, at once");
        assertEquals(Optional.of("100"), success.account().vlan());
        assertArrayEquals(tls.msk(), success.msk());
        assertEquals("EAP-TTLS/PAP", method.name());
    }

    @Test
    void aCertificateForAnotherNameEndsTheTunnelBeforeTheInnerDataIsSent() {
        TtlsTunnelClient.TunnelFailure failure = assertThrows(TtlsTunnelClient.TunnelFailure.class,
                () -> run(ServerCertificateCheck.trusting(ca.chain(), "radius.elders.example"), ProtocolVersion.TLSv13));
        assertTrue(failure.getMessage().startsWith("server certificate refused"), failure.getMessage());
    }

    @Test
    void paddedPasswordAvpFollowsRfc5281() {
        byte[] avps = InnerPap.avps("a@b.nl", "pw".toCharArray());
        assertEquals(16 + 8 + 16, avps.length, "User-Name padded to 16, User-Password padded to 16 octets");
        assertEquals(2, avps[19]);
        assertEquals(0x40, avps[20]);
        assertEquals(24, avps[23]);
    }

    @Test
    void wildcardNamesMatchOneLeftMostLabelOnly() {
        assertTrue(ServerCertificateCheck.matches("*.gemeente.nl", "radius.gemeente.nl"));
        assertTrue(ServerCertificateCheck.matches("Radius.Gemeente.nl", "radius.gemeente.nl"));
        assertFalse(ServerCertificateCheck.matches("*.gemeente.nl", "a.radius.gemeente.nl"));
        assertFalse(ServerCertificateCheck.matches("*.gemeente.nl", "gemeente.nl"));
    }
}
