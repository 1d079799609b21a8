package nl.govroam.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.slf4j.LoggerFactory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import nl.govroam.ldap.DirectorySettings;
import nl.govroam.ldap.VlanMapping;
import nl.govroam.server.demo.DemoSeed.DemoUser;

class DemoDirectoryTest {

    static final List<DemoUser> users = DemoSeed.USERS;

    private static DemoDirectory directory;

    @BeforeAll
    static void start() {
        directory = DemoDirectory.start();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @ParameterizedTest
    @FieldSource("users")
    void demoUserBindsWithTheDemoPassword(DemoUser user) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            assertEquals(ResultCode.SUCCESS, connection.bind(user.dn(), DemoSeed.DEMO_PASSWORD).getResultCode());
        }
    }

    @ParameterizedTest
    @FieldSource("users")
    void demoUserBindWithAWrongPasswordFails(DemoUser user) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            LDAPException refused = assertThrows(LDAPException.class, () -> connection.bind(user.dn(), "wrong-password"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, refused.getResultCode());
        }
    }

    @Test
    void serviceAccountFindsEachUserByMailIgnoringCase() throws LDAPException {
        try (LDAPConnection connection = connect()) {
            connection.bind(DemoSeed.SERVICE_ACCOUNT_DN, DemoSeed.SERVICE_ACCOUNT_PASSWORD);
            for (DemoUser user : DemoSeed.USERS) {
                SearchResult result = connection.search(DemoSeed.PEOPLE_DN, SearchScope.SUB,
                        Filter.createEqualityFilter("mail", user.mail().toUpperCase(java.util.Locale.ROOT)), "mail");
                assertEquals(1, result.getEntryCount(), user.mail());
                assertEquals(user.dn(), result.getSearchEntries().get(0).getDN());
                assertEquals(user.mail(), result.getSearchEntries().get(0).getAttributeValue("mail"));
            }
        }
    }

    @Test
    void bothMunicipalitiesShareTheDirectory() {
        assertEquals("jan.jansen@demodorp.example", DemoSeed.JAN.mail());
        assertEquals("anna.devries@voorbeeldstad.example", DemoSeed.ANNA.mail());
        assertEquals("uid=jan.jansen,ou=demodorp,ou=people,dc=demo,dc=govroam,dc=example", DemoSeed.JAN.dn());
        assertEquals("uid=anna.devries,ou=voorbeeldstad,ou=people,dc=demo,dc=govroam,dc=example", DemoSeed.ANNA.dn());
    }

    @Test
    void passwordsAreStoredSaltedAndHashed() throws LDAPException {
        try (LDAPConnection connection = connect()) {
            connection.bind(DemoSeed.SERVICE_ACCOUNT_DN, DemoSeed.SERVICE_ACCOUNT_PASSWORD);
            String jan = connection.getEntry(DemoSeed.JAN.dn(), "userPassword").getAttributeValue("userPassword");
            String piet = connection.getEntry(DemoSeed.PIET.dn(), "userPassword").getAttributeValue("userPassword");
            assertTrue(jan.startsWith("{SSHA256}"), jan);
            assertFalse(jan.contains(DemoSeed.DEMO_PASSWORD));
            assertFalse(jan.equals(piet), "salted: the same password hashes differently");
        }
    }

    @Test
    void groupsNameTheirMembers() throws LDAPException {
        assertEquals(List.of(DemoSeed.STAFF_GROUP_DN), groupsOf(DemoSeed.JAN));
        assertEquals(List.of(DemoSeed.DISABLED_GROUP_DN), groupsOf(DemoSeed.ELS));
        assertEquals(List.of(), groupsOf(DemoSeed.PIET));
        assertEquals(List.of(), groupsOf(DemoSeed.ANNA));
    }

    @Test
    void seedConstantsDescribeTheUsers() {
        assertEquals(Optional.of("100"), DemoSeed.JAN.vlan());
        assertTrue(DemoSeed.ELS.disabled());
        assertEquals(4, DemoSeed.USERS.size());
        assertEquals("demo-password", DemoSeed.DEMO_PASSWORD);
    }

    @Test
    void settingsPointAtItself() {
        DirectorySettings settings = directory.settings("demo");
        assertEquals("demo", settings.name());
        assertEquals(List.of(URI.create("ldap://127.0.0.1:" + directory.port())), settings.urls());
        assertFalse(settings.startTls());
        assertEquals(DemoSeed.SERVICE_ACCOUNT_DN, settings.bindDn());
        assertEquals(DemoSeed.SERVICE_ACCOUNT_PASSWORD, new String(settings.bindPassword()));
        assertEquals(DemoSeed.PEOPLE_DN, settings.userBaseDn());
        assertEquals("(mail={nai})", settings.userFilter());
        assertEquals(Optional.of(DemoSeed.DISABLED_GROUP_DN), settings.disabledGroupDn());
        assertEquals(Optional.of(DemoSeed.GROUPS_DN), settings.groupBaseDn());
        assertEquals(List.of(new VlanMapping(DemoSeed.STAFF_GROUP_DN, "100")), settings.vlans());
        assertEquals(DemoDirectory.OPERATION_TIMEOUT, settings.operationTimeout());
        assertFalse(settings.toString().contains(DemoSeed.SERVICE_ACCOUNT_PASSWORD));
    }

    /** UnboundID's salted-digest encoder shares one digest; with a plain one about 1 in 250 right passwords fail here. */
    @Test
    void concurrentBindsAreCheckedCorrectly() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                DemoUser user = DemoSeed.USERS.get(t % DemoSeed.USERS.size());
                workers.add(threads.submit(() -> wrongAnswers(user, 250)));
            }
            for (Future<Integer> worker : workers) {
                assertEquals(0, worker.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void warnsThatItIsADemoAndStopsListeningOnClose() throws IOException {
        Logger logger = (Logger) LoggerFactory.getLogger(DemoDirectory.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        DemoDirectory own;
        try {
            own = DemoDirectory.start();
        } finally {
            logger.detachAppender(appender);
        }
        assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("DEMO ONLY")
                && e.getFormattedMessage().contains(own.url().toString())));
        assertTrue(appender.list.stream().noneMatch(e -> e.getFormattedMessage().contains(DemoSeed.DEMO_PASSWORD)));

        int port = own.port();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        }
        own.close();
        own.close();
        try (Socket socket = new Socket()) {
            assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", port), 1000));
        }
    }

    @Test
    void sharedInstanceIsStartedOnceUntilClosed() {
        DemoDirectory first = DemoDirectory.shared();
        try {
            assertSame(first, DemoDirectory.shared());
        } finally {
            first.close();
        }
        DemoDirectory second = DemoDirectory.shared();
        try {
            assertNotSame(first, second);
        } finally {
            second.close();
        }
    }

    /** Binds {@code binds} times on one connection, every third with a wrong password; counts wrong answers. */
    private static int wrongAnswers(DemoUser user, int binds) throws LDAPException {
        int wrong = 0;
        try (LDAPConnection connection = connect()) {
            for (int i = 0; i < binds; i++) {
                boolean right = i % 3 != 0;
                boolean succeeded;
                try {
                    connection.bind(user.dn(), right ? DemoSeed.DEMO_PASSWORD : "wrong-password");
                    succeeded = true;
                } catch (LDAPException e) {
                    if (e.getResultCode() != ResultCode.INVALID_CREDENTIALS) {
                        throw e;
                    }
                    succeeded = false;
                }
                if (succeeded != right) {
                    wrong++;
                }
            }
        }
        return wrong;
    }

    private static List<String> groupsOf(DemoUser user) throws LDAPException {
        try (LDAPConnection connection = connect()) {
            connection.bind(DemoSeed.SERVICE_ACCOUNT_DN, DemoSeed.SERVICE_ACCOUNT_PASSWORD);
            SearchResult result = connection.search(DemoSeed.GROUPS_DN, SearchScope.SUB,
                    Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "groupOfNames"),
                            Filter.createEqualityFilter("member", user.dn())), "1.1");
            return result.getSearchEntries().stream().map(SearchResultEntry::getDN).toList();
        }
    }

    private static LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.1", directory.port());
    }
}
