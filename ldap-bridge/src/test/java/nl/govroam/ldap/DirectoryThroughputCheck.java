package nl.govroam.ldap;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.ResourceLeakDetector;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A manual measurement, not a test: N authentications (search + bind) at 64 outstanding against a slapd with 1000
 * users from one event loop ({@code -Dldap.perf.blocking=true}: blocking calls on 64 virtual threads), printing requests/s and this JVM's CPU time per authentication (slapd is another process; its CPU is
 * printed apart). Run with {@code ./mvnw -B -pl ldap-bridge verify -Dtest=DirectoryThroughputCheck -Dldap.perf=true}.
 */
@EnabledIfSystemProperty(named = "ldap.perf", matches = "true")
class DirectoryThroughputCheck {
    private static final int USERS = 1000;
    private static final int WARMUP = Integer.getInteger("ldap.perf.warmup", 5000);
    private static final int N = Integer.getInteger("ldap.perf.n", 20000);
    private static final int OUTSTANDING = 64;

    @Test
    void measure() throws Exception {
        Slapd.Builder builder = Slapd.builder();
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            TestUser user = new TestUser("perf" + i, "Perf-Pa55word-" + i, TestDirectory.WIFI_USERS);
            users.add(user);
            builder.user(user);
        }
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        boolean blocking = Boolean.getBoolean("ldap.perf.blocking");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (Slapd slapd = builder.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("perf")
                        .poolSize(Integer.getInteger("ldap.perf.pool", 8)).poolMaxWait(Duration.ofSeconds(5)).build(), group)) {
            EventLoop loop = (EventLoop) group.next();
            Run run = blocking ? DirectoryThroughputCheck::runBlocking : (d, u, n) -> runAsync(loop, d, u, n);
            run.auths(directory, users, WARMUP);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = ManagementFactory.getThreadMXBean();
            long loopThread = loop.submit(() -> Thread.currentThread().threadId()).get();
            long loopBefore = threads.getThreadCpuTime(loopThread);
            Duration slapdBefore = cpu(slapd.pid());
            long[] ticksBefore = userAndSystemTicks();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            int accepted = run.auths(directory, users, N);
            long wall = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long loopCpu = threads.getThreadCpuTime(loopThread) - loopBefore;
            long[] ticksAfter = userAndSystemTicks();
            Duration slapdCpu = cpu(slapd.pid()).minus(slapdBefore);
            System.out.printf("ldap perf (%s): %d auths (%d accepted), %.0f req/s, JVM CPU %.1f us/auth (event loop thread %.1f), slapd CPU %.1f us/auth; JVM user/system %d/%d ticks%n",
                    blocking ? "blocking, 64 virtual threads" : "async, one event loop", N, accepted, N / (wall / 1e9), cpu / 1e3 / N, loopCpu / 1e3 / N, slapdCpu.toNanos() / 1e3 / N,
                    ticksAfter[0] - ticksBefore[0], ticksAfter[1] - ticksBefore[1]);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @FunctionalInterface
    private interface Run {
        int auths(DirectoryAuthenticator directory, List<TestUser> users, int n) throws Exception;
    }

    /** From the event loop: keeps 64 calls outstanding, starting the next one in each completion. */
    private static int runAsync(EventLoop loop, DirectoryAuthenticator directory, List<TestUser> users, int n)
            throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (started.getAndIncrement() >= n) {
                return;
            }
            TestUser user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
            directory.authenticateAsync(new LoginName(user.uid(), ""), user.password().toCharArray())
                    .thenAccept(outcome -> {
                        if (outcome instanceof AuthOutcome.Accepted) {
                            accepted.incrementAndGet();
                        }
                        done.countDown();
                        next[0].run();
                    });
        };
        loop.execute(() -> {
            for (int i = 0; i < OUTSTANDING; i++) {
                next[0].run();
            }
        });
        done.await();
        return accepted.get();
    }

    /** utime and stime of this process from /proc (Linux), to see how much of the CPU is the kernel's. */
    private static long[] userAndSystemTicks() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static int runBlocking(DirectoryAuthenticator directory, List<TestUser> users, int n) throws Exception {
        Semaphore window = new Semaphore(OUTSTANDING);
        AtomicInteger accepted = new AtomicInteger();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                window.acquire();
                TestUser user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                threads.execute(() -> {
                    try {
                        if (directory.authenticate(new LoginName(user.uid(), ""), user.password().toCharArray())
                                instanceof AuthOutcome.Accepted) {
                            accepted.incrementAndGet();
                        }
                    } finally {
                        window.release();
                    }
                });
            }
            window.acquire(OUTSTANDING);
        }
        return accepted.get();
    }
}
