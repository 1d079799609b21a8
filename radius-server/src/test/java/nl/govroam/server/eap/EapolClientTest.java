package nl.govroam.server.eap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.server.eap.testing.EapTestServer;
import nl.govroam.server.eap.testing.EapolTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real {@code eapol_test} against the server in-process with a real slapd: every method with TLS 1.2 and 1.3,
 * keys checked by the client itself (it compares its MSK with the MS-MPPE keys it received), and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EapolClientTest {
    private static final String USER = TestDirectory.STAFF_USER.uid() + "@" + EapTestServer.REALM;
    private static final String PASSWORD = TestDirectory.STAFF_USER.password();
    private static final String ANONYMOUS = "anonymous@" + EapTestServer.REALM;

    private EapTestServer server;

    @BeforeAll
    void start() throws Exception {
        if (EapolTest.executable() == null) {
            throw new IllegalStateException("eapol_test not found: apt-get install eapoltest (bin/run-tests does it)");
        }
        server = EapTestServer.start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String phase1(boolean tls13) {
        return tls13 ? "    phase1=\"tls_disable_tlsv1_3=0\"\n" : "    phase1=\"tls_disable_tlsv1_3=1\"\n";
    }

    private String tunnel(String eap, String phase2, String identity, String password, String outer, boolean tls13) {
        return phase1(tls13) + "    eap=" + eap + "\n    identity=\"" + identity + "\"\n    anonymous_identity=\""
                + outer + "\"\n    password=\"" + password + "\"\n    phase2=\"auth=" + phase2 + "\"\n    ca_cert=\""
                + server.dir().resolve("ca.pem") + "\"\n";
    }

    private String tls(String certificate, boolean tls13) {
        return phase1(tls13) + "    eap=TLS\n    identity=\"" + ANONYMOUS + "\"\n    ca_cert=\""
                + server.dir().resolve("ca.pem") + "\"\n    client_cert=\"" + server.dir().resolve(certificate + ".pem")
                + "\"\n    private_key=\"" + server.dir().resolve(certificate + ".key") + "\"\n";
    }

    private static void assertAccepted(EapolTest.Result result, String tlsVersion) {
        assertTrue(result.success(), "expected EAP success:\n" + result.tail());
        assertTrue(result.mppeKeysMatch(), "MPPE keys must match the client's MSK:\n" + result.tail());
        String version = tlsVersion.equals("1.3") ? "TLSv1.3" : "TLSv1.2";
        assertTrue(result.output().contains("Using TLS version " + version),
                "expected " + version + " to be negotiated:\n" + result.tail());
    }

    private static void assertRejected(EapolTest.Result result) {
        assertFalse(result.success(), "expected a reject:\n" + result.tail());
        assertTrue(result.rejected(), "expected an Access-Reject:\n" + result.tail());
    }

    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void ttlsPapSucceedsWithMatchingKeys(boolean tls13) throws Exception {
        assertAccepted(server.eapol(tunnel("TTLS", "PAP", USER, PASSWORD, ANONYMOUS, tls13)), tls13 ? "1.3" : "1.2");
    }

    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void ttlsMschapv2SucceedsWithMatchingKeys(boolean tls13) throws Exception {
        assertAccepted(server.eapol(tunnel("TTLS", "MSCHAPV2", USER, PASSWORD, ANONYMOUS, tls13)), tls13 ? "1.3" : "1.2");
    }

    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void peapMschapv2SucceedsWithMatchingKeys(boolean tls13) throws Exception {
        assertAccepted(server.eapol(tunnel("PEAP", "MSCHAPV2", USER, PASSWORD, ANONYMOUS, tls13)), tls13 ? "1.3" : "1.2");
    }

    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void eapTlsSucceedsWithMatchingKeys(boolean tls13) throws Exception {
        assertAccepted(server.eapol(tls("client", tls13)), tls13 ? "1.3" : "1.2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TTLS/PAP", "TTLS/MSCHAPV2", "PEAP/MSCHAPV2"})
    void wrongPasswordIsRejected(String method) throws Exception {
        String[] parts = method.split("/");
        assertRejected(server.eapol(tunnel(parts[0], parts[1], USER, "wrong-password", ANONYMOUS, false)));
    }

    /** Windows says "wrong password" only after the MSCHAPv2 Failure request; the result TLV failure comes after it. */
    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void peapWrongPasswordGetsTheMschapv2FailureFirst(boolean tls13) throws Exception {
        EapolTest.Result result = server.eapol(tunnel("PEAP", "MSCHAPV2", USER, "wrong-password", ANONYMOUS, tls13));
        assertRejected(result);
        assertTrue(result.output().contains("E=691 R=0 C="), "MSCHAPv2 Failure with E=691:\n" + result.tail());
        int mschapFailure = result.output().indexOf("E=691 R=0 C=");
        int resultTlv = result.output().indexOf("TLV Result - Failure");
        assertTrue(resultTlv > mschapFailure, "then the failure Result TLV:\n" + result.tail());
    }

    @Test
    void peapDisabledUserGetsTheAccountDisabledError() throws Exception {
        String disabled = TestDirectory.DISABLED_USER.uid() + "@" + EapTestServer.REALM;
        EapolTest.Result result = server.eapol(tunnel("PEAP", "MSCHAPV2", disabled,
                TestDirectory.DISABLED_USER.password(), ANONYMOUS, false));
        assertRejected(result);
        assertTrue(result.output().contains("E=647 R=0 C="), "MSCHAPv2 Failure with E=647:\n" + result.tail());
    }

    @ParameterizedTest(name = "TLS 1.3: {0}")
    @ValueSource(booleans = {false, true})
    void certificateFromAnotherCaIsRejected(boolean tls13) throws Exception {
        assertRejected(server.eapol(tls("stranger", tls13)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TTLS/PAP", "PEAP/MSCHAPV2"})
    void disabledUserIsRejected(String method) throws Exception {
        String[] parts = method.split("/");
        String disabled = TestDirectory.DISABLED_USER.uid() + "@" + EapTestServer.REALM;
        assertRejected(server.eapol(tunnel(parts[0], parts[1], disabled, TestDirectory.DISABLED_USER.password(),
                ANONYMOUS, false)));
    }

    @Test
    void innerRealmOtherThanOuterRealmIsRejected() throws Exception {
        String inner = TestDirectory.STAFF_USER.uid() + "@other-gemeente.nl";
        assertRejected(server.eapol(tunnel("TTLS", "PAP", inner, PASSWORD, ANONYMOUS, false)));
    }

    @Test
    void mschapv2IsRefusedWhereTheDirectoryHasNoNtHashButPapWorks() throws Exception {
        String realm = EapTestServer.REALM_WITHOUT_NT_HASH;
        String inner = TestDirectory.STAFF_USER.uid() + "@" + realm;
        assertRejected(server.eapol(tunnel("PEAP", "MSCHAPV2", inner, PASSWORD, "anonymous@" + realm, false)));
        assertAccepted(server.eapol(tunnel("TTLS", "PAP", inner, PASSWORD, "anonymous@" + realm, false)), "1.2");
    }

    /** eap.resumption is off by default: a re-authentication (-r1) offers the session, and gets a full handshake. */
    @Test
    void withResumptionOffEveryHandshakeIsAFullOne() throws Exception {
        EapolTest.Result result = server.eapol(tunnel("TTLS", "PAP", USER, PASSWORD, ANONYMOUS, false), "-r1");
        assertTrue(result.success(), "both authentications succeed:\n" + result.tail());
        assertTrue(result.output().contains("MPPE keys OK: 2  mismatch: 0"), result.tail());
        assertTrue(result.output().contains("Triggering EAP reauthentication"), result.tail());
        assertFalse(result.output().contains("Handshake finished - resumed=1"), "no resumption:\n" + result.tail());
        assertFalse(server.service().metrics().render().contains("govroam_eap_resumption_total"),
                "no resumption metrics when it is off");
    }

    @Test
    void anonymousInnerIdentityIsRejected() throws Exception {
        assertRejected(server.eapol(tunnel("TTLS", "PAP", ANONYMOUS, PASSWORD, ANONYMOUS, false)));
    }

    @Test
    void bareRealmOuterIdentityWorksAndCuiIsReturnedWhenAsked() throws Exception {
        EapolTest.Result result = server.eapol(tunnel("TTLS", "PAP", USER, PASSWORD, "@" + EapTestServer.REALM, true),
                "-N89:x:00");
        assertAccepted(result, "1.3");
        assertTrue(result.output().contains("Attribute 89 (Chargeable-User-Identity) length=66"),
                "a 64-hex-digit CUI in the Accept:\n" + result.tail());
    }
}
