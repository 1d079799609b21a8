package nl.govroam.ldap.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlapdTest {

    @Test
    void startsFastAndCloseStopsItsOwnProcessEvenWhenFrozen() {
        long start = System.nanoTime();
        Slapd slapd = Slapd.start();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "start took " + millis + " ms");
        Path dir = slapd.directory();
        Optional<ProcessHandle> handle = ProcessHandle.of(slapd.pid());
        assertTrue(handle.isPresent() && handle.get().isAlive());
        slapd.freeze();
        slapd.close();
        assertFalse(handle.get().isAlive());
        assertFalse(Files.exists(dir));
    }

    @Test
    void sshaValuesAreSaltedSha1() {
        String a = SshaPassword.hash("secret");
        assertTrue(a.startsWith("{SSHA}"));
        assertFalse(a.equals(SshaPassword.hash("secret")), "salted");
    }
}
