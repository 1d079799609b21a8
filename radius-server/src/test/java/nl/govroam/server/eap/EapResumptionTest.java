package nl.govroam.server.eap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import nl.govroam.server.eap.testing.EapTestServer;
import nl.govroam.server.eap.testing.EapolTest;
import nl.govroam.server.service.ReloadOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * TLS session resumption with the real {@code eapol_test}: {@code -r1} makes it authenticate twice in one process,
 * the second time offering the TLS session of the first (OpenSSL prints {@code resumed=1} when the server took it).
 * The server's metrics count what the cache did; the client compares the MPPE keys of both accepts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EapResumptionTest {
    private static final String REAUTH = "Triggering EAP reauthentication";
    private static final String RESUMED = "Handshake finished - resumed=1";
    private static final String ANONYMOUS = "anonymous@" + EapTestServer.REALM;

    private EapTestServer server;

    @BeforeAll
    void start() throws Exception {
        if (EapolTest.executable() == null) {
            throw new IllegalStateException("eapol_test not found: apt-get install eapoltest (bin/run-tests does it)");
        }
        server = EapTestServer.start("  resumption: {enabled: true, lifetime: 10m, max-sessions: 100}\n");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String user(TestUser user) {
        return user.uid() + "@" + EapTestServer.REALM;
    }

    private String tunnel(String method, TestUser user, String password, boolean tls13) {
        String[] parts = method.split("/");
        return "    phase1=\"tls_disable_tlsv1_3=" + (tls13 ? 0 : 1) + "\"\n    eap=" + parts[0] + "\n    identity=\""
                + user(user) + "\"\n    anonymous_identity=\"" + ANONYMOUS + "\"\n    password=\"" + password
                + "\"\n    phase2=\"auth=" + parts[1] + "\"\n    ca_cert=\"" + server.dir().resolve("ca.pem") + "\"\n";
    }

    private String eapTls(boolean tls13) {
        return "    phase1=\"tls_disable_tlsv1_3=" + (tls13 ? 0 : 1) + "\"\n    eap=TLS\n    identity=\"" + ANONYMOUS
                + "\"\n    ca_cert=\"" + server.dir().resolve("ca.pem") + "\"\n    client_cert=\""
                + server.dir().resolve("client.pem") + "\"\n    private_key=\"" + server.dir().resolve("client.key")
                + "\"\n";
    }

    private String network(String method, boolean tls13) {
        return method.equals("TLS") ? eapTls(tls13)
                : tunnel(method, TestDirectory.STAFF_USER, TestDirectory.STAFF_USER.password(), tls13);
    }

    private long resumption(String event) {
        Matcher m = Pattern.compile("govroam_eap_resumption_total\\{event=\"" + event + "\"} (\\d+)")
                .matcher(server.service().metrics().render());
        assertTrue(m.find(), "resumption metrics are exported");
        return Long.parseLong(m.group(1));
    }

    /** The part of eapol_test's output after the re-authentication started. */
    private static String second(EapolTest.Result result) {
        int at = result.output().indexOf(REAUTH);
        assertTrue(at >= 0, "eapol_test re-authenticated:\n" + result.tail());
        return result.output().substring(at);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TTLS/PAP", "TTLS/MSCHAPV2", "PEAP/MSCHAPV2", "TLS"})
    void secondAuthenticationResumesAndKeysStillMatch(String method) throws Exception {
        long resumedBefore = resumption("resumed");
        EapolTest.Result result = server.eapol(network(method, false), "-r1");
        assertTrue(result.success(), "both authentications succeed:\n" + result.tail());
        assertTrue(result.output().contains("MPPE keys OK: 2  mismatch: 0"), "keys of both accepts match:\n"
                + result.tail());
        assertFalse(result.output().substring(0, result.output().indexOf(REAUTH)).contains(RESUMED),
                "the first handshake is a full one");
        assertTrue(second(result).contains(RESUMED), "the second handshake resumes:\n" + result.tail());
        assertEquals(resumedBefore + 1, resumption("resumed"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TTLS/PAP", "TLS"})
    void tls13DoesFullHandshakesOnly(String method) throws Exception {
        long storedBefore = resumption("stored");
        long resumedBefore = resumption("resumed");
        EapolTest.Result result = server.eapol(network(method, true), "-r1");
        assertTrue(result.success(), "both authentications succeed:\n" + result.tail());
        assertTrue(result.output().contains("Using TLS version TLSv1.3"), result.tail());
        assertFalse(second(result).contains(RESUMED), "Bouncy Castle 1.84 resumes no TLS 1.3 session:\n"
                + result.tail());
        assertEquals(storedBefore, resumption("stored"));
        assertEquals(resumedBefore, resumption("resumed"));
    }

    /**
     * A refused inner authentication leaves nothing to resume: the server keeps no session (eapol_test stops after
     * an Access-Reject, so there is no second attempt to watch from the client side).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TTLS/PAP", "TTLS/MSCHAPV2", "PEAP/MSCHAPV2"})
    void failedInnerAuthenticationIsNeverResumable(String method) throws Exception {
        long storedBefore = resumption("stored");
        long resumedBefore = resumption("resumed");
        EapolTest.Result result = server.eapol(tunnel(method, TestDirectory.STAFF_USER, "wrong-password", false),
                "-r1");
        assertTrue(result.rejected(), "rejected:\n" + result.tail());
        assertFalse(result.output().contains("code=2 (Access-Accept)"), result.tail());
        assertEquals(storedBefore, resumption("stored"), "a session is kept only after the whole method succeeded");
        assertEquals(resumedBefore, resumption("resumed"));
    }

    /**
     * Between the two authentications the account is disabled (a reload adds a disabled-filter for it, made while
     * the first accept is being logged, before it is sent): the resumed session must be refused, not accepted.
     */
    @Test
    void accountDisabledSinceIsRejectedOnResumption() throws Exception {
        TestUser user = TestDirectory.PLAIN_USER;
        String original = Files.readString(server.configFile());
        String disabling = original.replaceFirst("(?m)^(    nt-hash-attribute: .*)$",
                "$1\n    disabled-filter: \"(uid=" + user.uid() + ")\"");
        assertFalse(disabling.equals(original), "the test config has the nt-hash-attribute line");
        Logger authLog = (Logger) LoggerFactory.getLogger("govroam.auth");
        DisableOnFirstAccept hook = new DisableOnFirstAccept(() -> reloadWith(disabling));
        hook.start();
        authLog.addAppender(hook);
        long refusedBefore = resumption("refused");
        try {
            EapolTest.Result result = server.eapol(tunnel("TTLS/PAP", user, user.password(), false), "-r1");
            assertTrue(hook.fired.get(), "the first authentication was accepted:\n" + result.tail());
            assertTrue(second(result).contains(RESUMED), "the TLS session itself resumes:\n" + result.tail());
            assertTrue(second(result).contains("code=3 (Access-Reject)"), "but the account check rejects it:\n"
                    + result.tail());
            assertFalse(second(result).contains("code=2 (Access-Accept)"), result.tail());
            assertEquals(refusedBefore + 1, resumption("refused"));
        } finally {
            authLog.detachAppender(hook);
            reloadWith(original);
        }
    }

    private void reloadWith(String config) {
        try {
            Files.writeString(server.configFile(), config);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ReloadOutcome outcome = server.service().reload();
        assertTrue(outcome.applied(), "reload: " + outcome);
    }

    /** Runs an action once, on the first accept the auth log reports, on the request's own thread. */
    private static final class DisableOnFirstAccept extends AppenderBase<ILoggingEvent> {
        private final Runnable action;
        private final AtomicBoolean fired = new AtomicBoolean();

        DisableOnFirstAccept(Runnable action) {
            this.action = action;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().startsWith("result=accept") && fired.compareAndSet(false, true)) {
                action.run();
            }
        }
    }
}
