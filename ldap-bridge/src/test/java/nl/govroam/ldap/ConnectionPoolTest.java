package nl.govroam.ldap;

import static nl.govroam.ldap.testing.TestDirectory.PLAIN_USER;
import static nl.govroam.ldap.testing.TestDirectory.STAFF_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestUser;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    @Test
    void fiftyParallelAuthenticationsShareAPoolOfFour() throws Exception {
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("parallel")
                        .poolSize(4).poolMaxWait(Duration.ofSeconds(5)).build());
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<AuthOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                TestUser user = i % 2 == 0 ? STAFF_USER : PLAIN_USER;
                outcomes.add(threads.submit(() -> directory.authenticate(new LoginName(user.uid(), ""),
                        user.password().toCharArray())));
            }
            for (Future<AuthOutcome> outcome : outcomes) {
                assertInstanceOf(AuthOutcome.Accepted.class, outcome.get());
            }
            // the wrong password of one user never leaks into the next bind on the same connection
            assertEquals(RejectReason.WRONG_PASSWORD, ((AuthOutcome.Rejected) directory.authenticate(
                    new LoginName(STAFF_USER.uid(), ""), "nope".toCharArray())).reason());
            assertInstanceOf(AuthOutcome.Accepted.class, directory.authenticate(new LoginName(PLAIN_USER.uid(), ""),
                    PLAIN_USER.password().toCharArray()));
        }
    }
}
