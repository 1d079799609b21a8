package nl.govroam.ldap;

import static nl.govroam.ldap.testing.TestDirectory.DISABLED_USER;
import static nl.govroam.ldap.testing.TestDirectory.PLAIN_USER;
import static nl.govroam.ldap.testing.TestDirectory.STAFF_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The asynchronous calls on the caller's event loop, against a real slapd. */
class AsyncDirectoryTest {
    private static final long WAIT_SECONDS = 20;

    private EventLoopGroup group;

    @BeforeEach
    void startGroup() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterEach
    void stopGroup() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** An expected outcome of one call, checked against what that very call got. */
    private record Expectation(String what, Predicate<AuthOutcome> matches) {
    }

    private static LoginName login(TestUser user) {
        return new LoginName(user.uid(), "");
    }

    private static Predicate<AuthOutcome> accepted(TestUser user) {
        return outcome -> outcome instanceof AuthOutcome.Accepted a && a.userDn().equals(user.dn());
    }

    private static Predicate<AuthOutcome> rejected(RejectReason reason) {
        return outcome -> outcome instanceof AuthOutcome.Rejected r && r.reason() == reason;
    }

    /** A directory of one server with short connect and the given operation timeouts, not retried soon once down. */
    private DirectoryAuthenticator openOnlyServer(Slapd slapd, String name, Duration operation) {
        return Directories.open(slapd.settingsBuilder(name).connectTimeout(Duration.ofMillis(500))
                .operationTimeout(operation).deadServerRetry(Duration.ofSeconds(30)).build(), group);
    }

    /** One lookup on {@code loop}, so that its connections are open before the test freezes or kills the server. */
    private static void connected(EventLoop loop, DirectoryAuthenticator directory) throws Exception {
        assertInstanceOf(AuthOutcome.Accepted.class, onLoop(loop, () -> directory.lookupAsync(login(STAFF_USER))
                .toCompletableFuture()).get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    /** A directory whose pools have one connection each; a caller waits at most {@code wait} for one. */
    private DirectoryAuthenticator openOneConnection(Slapd slapd, String name, Duration wait) {
        return Directories.open(slapd.settingsBuilder(name).poolSize(1).poolMaxWait(wait).build(), group);
    }

    /** The user-bind pool of the directory's only server on {@code loop}. */
    private static LoopPool bindPool(EventLoop loop, DirectoryAuthenticator directory) {
        return ((LdapDirectory) directory).server(0).pools(loop).bind();
    }

    /** The one bind connection of a one-connection directory on one of its loops, held: every bind there waits. */
    private record HeldBind(EventLoop loop, LoopPool pool, LoopPool.Lease lease) {
    }

    private HeldBind holdTheBindConnection(DirectoryAuthenticator directory) throws Exception {
        EventLoop loop = (EventLoop) group.next();
        LoopPool pool = bindPool(loop, directory);
        return new HeldBind(loop, pool, onLoop(loop, pool::acquire).get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    /** Starts {@code count} authentications of the staff user on {@code loop}, all in one task (all pending at once). */
    private static List<CompletableFuture<AuthOutcome>> staffLogins(EventLoop loop, DirectoryAuthenticator directory,
                                                                    int count) throws Exception {
        return onLoop(loop, () -> {
            List<CompletableFuture<AuthOutcome>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                started.add(directory.authenticateAsync(login(STAFF_USER), STAFF_USER.password().toCharArray())
                        .toCompletableFuture());
            }
            return started;
        });
    }

    private static <T> T onLoop(EventLoop loop, java.util.concurrent.Callable<T> work) throws Exception {
        return loop.submit(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void manyPipelinedCallsOnOneLoopEachGetTheirOwnOutcomeOnThatLoop() throws Exception {
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("pipelined")
                        .poolSize(2).poolMaxWait(Duration.ofSeconds(10)).build(), group)) {
            EventLoop loop = (EventLoop) group.next();
            List<Expectation> expected = new ArrayList<>();
            List<CompletableFuture<Boolean>> onLoop = new ArrayList<>();
            List<CompletableFuture<AuthOutcome>> outcomes = onLoop(loop, () -> {
                List<CompletableFuture<AuthOutcome>> started = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    CompletableFuture<AuthOutcome> outcome = switch (i % 5) {
                        case 0 -> {
                            expected.add(new Expectation("staff, right password", accepted(STAFF_USER)));
                            yield directory.authenticateAsync(login(STAFF_USER), STAFF_USER.password().toCharArray())
                                    .toCompletableFuture();
                        }
                        case 1 -> {
                            expected.add(new Expectation("plain, wrong password", rejected(RejectReason.WRONG_PASSWORD)));
                            yield directory.authenticateAsync(login(PLAIN_USER), "wrong".toCharArray()).toCompletableFuture();
                        }
                        case 2 -> {
                            expected.add(new Expectation("unknown user", rejected(RejectReason.UNKNOWN_USER)));
                            yield directory.authenticateAsync(new LoginName("nobody" + i, ""), "x".toCharArray())
                                    .toCompletableFuture();
                        }
                        case 3 -> {
                            expected.add(new Expectation("plain, right password", accepted(PLAIN_USER)));
                            yield directory.authenticateAsync(login(PLAIN_USER), PLAIN_USER.password().toCharArray())
                                    .toCompletableFuture();
                        }
                        default -> {
                            expected.add(new Expectation("disabled, lookup", rejected(RejectReason.DISABLED)));
                            yield directory.lookupAsync(login(DISABLED_USER)).toCompletableFuture();
                        }
                    };
                    onLoop.add(outcome.thenApply(done -> loop.inEventLoop()));
                    started.add(outcome);
                }
                return started;
            });
            for (int i = 0; i < outcomes.size(); i++) {
                AuthOutcome outcome = outcomes.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(expected.get(i).matches().test(outcome), "call " + i + " (" + expected.get(i).what()
                        + ") got " + outcome);
                assertTrue(onLoop.get(i).get(), "call " + i + " completed off the calling loop");
            }
        }
    }

    @Test
    void callsCompleteOnTheCallingLoopAndOtherThreadsHopOntoTheGroup() throws Exception {
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("affinity").build(), group)) {
            List<Thread> loopThreads = new ArrayList<>();
            for (var executor : group) {
                EventLoop loop = (EventLoop) executor;
                loopThreads.add(onLoop(loop, Thread::currentThread));
                CompletableFuture<Thread> completedOn = onLoop(loop, () -> directory
                        .authenticateAsync(login(STAFF_USER), STAFF_USER.password().toCharArray())
                        .thenApply(outcome -> {
                            assertInstanceOf(AuthOutcome.Accepted.class, outcome);
                            return Thread.currentThread();
                        }).toCompletableFuture());
                assertEquals(loopThreads.getLast(), completedOn.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            Thread fromOutside = directory.lookupAsync(login(STAFF_USER))
                    .thenApply(outcome -> Thread.currentThread()).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(loopThreads.contains(fromOutside), "completed on " + fromOutside);
        }
    }

    @Test
    void aHostNameIsResolvedOffTheLoopAndAnUnknownOneIsUnavailable() throws Exception {
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator byName = Directories.open(slapd.settingsBuilder("by-name",
                        List.of(java.net.URI.create("ldap://localhost:" + slapd.uri().getPort()))).build(), group);
                DirectoryAuthenticator unknown = Directories.open(slapd.settingsBuilder("unknown-host",
                        List.of(java.net.URI.create("ldap://no-such-host.invalid:389"))).build(), group)) {
            EventLoop loop = group.next();
            AuthOutcome found = onLoop(loop, () -> byName.authenticateAsync(login(STAFF_USER),
                    STAFF_USER.password().toCharArray()).toCompletableFuture()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertTrue(accepted(STAFF_USER).test(found), found.toString());
            AuthOutcome none = onLoop(loop, () -> unknown.lookupAsync(login(STAFF_USER)).toCompletableFuture())
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertInstanceOf(AuthOutcome.Unavailable.class, none);
        }
    }

    @Test
    void blockingCallOnTheDirectorysOwnLoopIsRefused() throws Exception {
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("own-loop").build(), group)) {
            EventLoop loop = (EventLoop) group.next();
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> onLoop(loop, () -> directory.authenticate(login(STAFF_USER), STAFF_USER.password().toCharArray())));
            assertInstanceOf(IllegalStateException.class, refused.getCause());
            ExecutionException lookup = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> onLoop(loop, () -> directory.lookup(login(STAFF_USER))));
            assertInstanceOf(IllegalStateException.class, lookup.getCause());
            assertInstanceOf(AuthOutcome.Accepted.class, directory.authenticate(login(STAFF_USER),
                    STAFF_USER.password().toCharArray()), "off the loop it blocks and answers");
        }
    }

    @Test
    void pendingCallsOnAFrozenServerFailOverWithinTheOperationTimeout() throws Exception {
        Duration operation = Duration.ofMillis(500);
        try (Slapd frozen = Slapd.start(); Slapd spare = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(frozen.settingsBuilder("frozen-async",
                                List.of(frozen.uri(), spare.uri())).poolMaxWait(Duration.ofSeconds(2))
                        .connectTimeout(Duration.ofMillis(500)).operationTimeout(operation)
                        .deadServerRetry(Duration.ofSeconds(30)).build(), group)) {
            EventLoop loop = (EventLoop) group.next();
            assertInstanceOf(AuthOutcome.Accepted.class, onLoop(loop, () -> directory.authenticateAsync(
                    login(STAFF_USER), STAFF_USER.password().toCharArray()).toCompletableFuture()).get(WAIT_SECONDS, TimeUnit.SECONDS));
            frozen.freeze();
            try {
                long start = System.nanoTime();
                List<CompletableFuture<AuthOutcome>> pending = staffLogins(loop, directory, 20);
                for (CompletableFuture<AuthOutcome> each : pending) {
                    assertInstanceOf(AuthOutcome.Accepted.class, each.get(WAIT_SECONDS, TimeUnit.SECONDS));
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(elapsed.compareTo(operation.plusMillis(1000)) < 0, "took " + elapsed);
                assertFalse(directory.health().get(0).up());
                assertTrue(directory.health().get(1).up());
            } finally {
                frozen.thaw();
            }
        }
    }

    @Test
    void pendingCallsFailAtOnceWhenTheServerClosesTheirConnection() throws Exception {
        Duration operation = Duration.ofSeconds(20);
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = openOnlyServer(slapd, "closed", operation)) {
            EventLoop loop = group.next();
            connected(loop, directory);
            slapd.freeze();
            List<CompletableFuture<AuthOutcome>> pending = staffLogins(loop, directory, 10);
            long start = System.nanoTime();
            slapd.crash();
            for (CompletableFuture<AuthOutcome> each : pending) {
                assertInstanceOf(AuthOutcome.Unavailable.class, each.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed + ", not the operation timeout");
        }
    }

    @Test
    void pendingCallsOnTheOnlyServerFrozenAreUnavailableWithinTheOperationTimeout() throws Exception {
        Duration operation = Duration.ofMillis(500);
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = openOnlyServer(slapd, "frozen-only", operation)) {
            EventLoop loop = group.next();
            connected(loop, directory);
            slapd.freeze();
            try {
                long start = System.nanoTime();
                List<CompletableFuture<AuthOutcome>> pending = staffLogins(loop, directory, 10);
                for (CompletableFuture<AuthOutcome> each : pending) {
                    AuthOutcome.Unavailable unavailable = assertInstanceOf(AuthOutcome.Unavailable.class,
                            each.get(WAIT_SECONDS, TimeUnit.SECONDS));
                    assertTrue(unavailable.reason().contains(slapd.uri().toString()), unavailable.reason());
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(elapsed.compareTo(operation.plusMillis(1000)) < 0, "took " + elapsed);
                assertFalse(directory.health().get(0).up());
            } finally {
                slapd.thaw();
            }
        }
    }

    @Test
    void bindWaitersBeyondThePoolAreBusyAfterTheWaitAndServedFifoWithinIt() throws Exception {
        Duration wait = Duration.ofMillis(300);
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = openOneConnection(slapd, "bind-busy", wait)) {
            HeldBind bind = holdTheBindConnection(directory);
            EventLoop loop = bind.loop();

            long start = System.nanoTime();
            AuthOutcome busy = onLoop(loop, () -> directory.authenticateAsync(login(STAFF_USER),
                    STAFF_USER.password().toCharArray()).toCompletableFuture()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            AuthOutcome.Unavailable unavailable = assertInstanceOf(AuthOutcome.Unavailable.class, busy);
            assertTrue(unavailable.reason().contains("no free connection within 300 ms"), unavailable.reason());
            assertTrue(elapsed.compareTo(wait) >= 0 && elapsed.compareTo(wait.plusSeconds(1)) < 0, "took " + elapsed);
            assertTrue(directory.health().get(0).up(), "a busy pool is no reason to mark the server down");

            CompletableFuture<AuthOutcome> first = onLoop(loop, () -> directory.authenticateAsync(login(STAFF_USER),
                    STAFF_USER.password().toCharArray()).toCompletableFuture());
            CompletableFuture<AuthOutcome> second = onLoop(loop, () -> directory.authenticateAsync(login(PLAIN_USER),
                    "wrong".toCharArray()).toCompletableFuture());
            Thread.sleep(100);
            assertFalse(first.isDone() || second.isDone(), "both wait for the one bind connection");
            loop.execute(bind.lease()::release);
            assertInstanceOf(AuthOutcome.Accepted.class, first.get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(RejectReason.WRONG_PASSWORD, assertInstanceOf(AuthOutcome.Rejected.class,
                    second.get(WAIT_SECONDS, TimeUnit.SECONDS)).reason());
        }
    }

    @Test
    void eachBindWaiterIsAnsweredBusyAtItsOwnDeadline() throws Exception {
        Duration wait = Duration.ofMillis(600);
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = openOneConnection(slapd, "bind-deadlines", wait)) {
            HeldBind bind = holdTheBindConnection(directory);
            EventLoop loop = bind.loop();
            LoopPool bindPool = bind.pool();
            LoopPool.Lease held = bind.lease();
            try {
                long firstAsked = System.nanoTime();
                CompletableFuture<Long> first = busyAt(loop, bindPool);
                Thread.sleep(300);
                long secondAsked = System.nanoTime();
                CompletableFuture<Long> second = busyAt(loop, bindPool);

                Duration firstWaited = Duration.ofNanos(first.get(WAIT_SECONDS, TimeUnit.SECONDS) - firstAsked);
                Duration secondWaited = Duration.ofNanos(second.get(WAIT_SECONDS, TimeUnit.SECONDS) - secondAsked);
                // each waits its own 600 ms: the second is answered neither with the first (after 300 ms) nor a
                // whole wait after it (900 ms)
                for (Duration waited : List.of(firstWaited, secondWaited)) {
                    assertTrue(waited.compareTo(wait) >= 0 && waited.compareTo(wait.plusMillis(250)) < 0,
                            "waited " + waited.toMillis() + " ms (first " + firstWaited.toMillis() + ", second "
                                    + secondWaited.toMillis() + ")");
                }
            } finally {
                loop.execute(held::release);
            }
        }
    }

    /** Acquires on the loop; completes with the time the pool answered BUSY (fails if it gave a lease). */
    private static CompletableFuture<Long> busyAt(EventLoop loop, LoopPool pool) throws Exception {
        return onLoop(loop, pool::acquire).handle((lease, error) -> {
            long at = System.nanoTime();
            if (lease != null) {
                lease.release();
                throw new AssertionError("got a lease from a pool whose only connection is held");
            }
            ServerCallFailure failure = ServerCallFailure.of(error);
            assertEquals(ServerCallFailure.Kind.BUSY, failure == null ? null : failure.kind(), String.valueOf(error));
            return at;
        });
    }
}
