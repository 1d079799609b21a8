package nl.govroam.server.cli.testauth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import nl.govroam.server.certs.CertificateIssuer;
import nl.govroam.server.certs.CertifiedKey;
import nl.govroam.server.config.EapConfig;
import nl.govroam.server.eap.tls.TlsServerSettings;
import nl.govroam.server.eap.tls.ResumptionScope;
import nl.govroam.server.eap.tls.TlsTunnel;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.tls.ProtocolVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test client's tunnel against the server's own {@link TlsTunnel}, both with small fragments so that each side
 * must fragment, acknowledge and reassemble: the inner AVPs arrive intact and both sides derive the same MSK.
 */
class TtlsTunnelClientTest {
    private static final int TTLS = 21;
    private static final int SMALL_FRAGMENTS = 200;
    private static CertifiedKey ca;
    private static TlsServerSettings settings;

    @BeforeAll
    static void certificates() throws Exception {
        ca = CertificateIssuer.newCa("tunnel test CA", Duration.ofDays(1));
        CertifiedKey server = CertificateIssuer.issue(ca, "radius.test", List.of(new GeneralName(GeneralName.dNSName,
                "radius.test")), List.of(KeyPurposeId.id_kp_serverAuth), Duration.ofDays(1));
        settings = TlsServerSettings.of(server, EapConfig.TlsVersion.TLS_1_2, EapConfig.TlsVersion.TLS_1_3);
    }

    private record Run(byte[] inner, int rounds, TunnelTlsClient tls, TlsTunnel server) {
    }

    private static Run run(ServerCertificateCheck check, ProtocolVersion version) throws Exception {
        TunnelTlsClient tls = new TunnelTlsClient(check, new ProtocolVersion[] {version});
        TtlsTunnelClient client = new TtlsTunnelClient(tls, InnerPap.avps("jan@gemeente.nl", "geheim".toCharArray()),
                SMALL_FRAGMENTS);
        TlsTunnel server = TlsTunnel.open(settings, TTLS, ResumptionScope.NONE, SMALL_FRAGMENTS, 64 * 1024);
        byte[] request = TlsTunnel.startTypeData();
        for (int round = 1; round <= 60; round++) {
            switch (server.receive(client.respond(request))) {
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

    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void innerAvpsArriveAndBothSidesDeriveTheSameMsk(boolean tls13) throws Exception {
        Run run = run(ServerCertificateCheck.trusting(ca.chain(), "radius.test"),
                tls13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12);
        assertArrayEquals(InnerPap.avps("jan@gemeente.nl", "geheim".toCharArray()), run.inner());
        assertArrayEquals(run.server().keys().msk(), run.tls().msk());
        assertEquals(tls13 ? "TLSv1.3" : "TLSv1.2", run.tls().tlsVersion());
        assertTrue(run.rounds() > 6, "fragments of " + SMALL_FRAGMENTS + " octets take several rounds: " + run.rounds());
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
