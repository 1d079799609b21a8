package nl.govroam.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.List;
import nl.govroam.server.config.ClientRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The human-readable auth line: EAP fields (inner identity, CUI, TLS version) only when the event has them. */
class AuthLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("govroam.auth");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    private static AuthEvent event(String inner, String cui, String method, String tls, AuthEvent.Result result) {
        return new AuthEvent(Instant.now(), "ap-1", "192.0.2.1", ClientRole.NAS, "anonymous@demodorp.example", inner,
                "demodorp.example", "02-00-5E-10-00-01", null, cui, method, tls, "directory:demo", result,
                result == AuthEvent.Result.ACCEPT ? "ok" : "wrong-password", "", 1500);
    }

    private String logged(AuthEvent e) {
        new AuthLog().onDecision(e);
        List<ILoggingEvent> events = lines.list;
        assertEquals(1, events.size());
        return events.get(0).getFormattedMessage();
    }

    @Test
    void anEapAcceptNamesInnerIdentityCuiAndTlsVersion() {
        String line = logged(event("jan.jansen@demodorp.example", "4f2a9c", "EAP-TTLS/PAP", "TLSv1.3",
                AuthEvent.Result.ACCEPT));
        assertTrue(line.startsWith("result=accept client=\"ap-1\" user=\"anonymous@demodorp.example\" "
                + "inner=\"jan.jansen@demodorp.example\" cui=\"4f2a9c\" realm=\"demodorp.example\""), line);
        assertTrue(line.contains(" method=EAP-TTLS/PAP tls=TLSv1.3 route=directory:demo reason=ok"), line);
    }

    @Test
    void papHasNoEapFields() {
        String line = logged(event(null, null, "PAP", null, AuthEvent.Result.REJECT));
        assertFalse(line.contains("inner="), line);
        assertFalse(line.contains("cui="), line);
        assertFalse(line.contains("tls="), line);
        assertTrue(line.contains(" method=PAP route=directory:demo reason=wrong-password"), line);
    }

    @Test
    void aHostileCuiCannotForgeALine() {
        String line = logged(event("jan.jansen@demodorp.example", "x\" result=accept\n", "EAP-TTLS/PAP", "TLSv1.2",
                AuthEvent.Result.REJECT));
        assertTrue(line.contains("cui=\"x\\\" result=accept\\x0a\""), line);
    }

    @Test
    void latencyIsPrintedAsStringFormatPrintedIt() {
        for (long micros = 0; micros < 200_000; micros += 7) {
            StringBuilder sb = new StringBuilder();
            AuthLog.appendMillis(sb, micros);
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0), sb.toString(), "micros " + micros);
        }
        for (long micros : new long[] {50, 149, 150, 151, 949, 950, 999_950, 3_600_000_049L, -1, -150}) {
            StringBuilder sb = new StringBuilder();
            AuthLog.appendMillis(sb, micros);
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0), sb.toString(), "micros " + micros);
        }
    }
}
