package nl.govroam.ldap;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A manual measurement, not a test: N authentications (search + bind) at 64 outstanding against a slapd with 1000
 * users, printing requests/s and this JVM's CPU time per authentication (slapd is another process; its CPU is
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
        try (Slapd slapd = builder.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("perf")
                        .poolSize(8).poolMaxWait(Duration.ofSeconds(5)).build())) {
            run(directory, users, WARMUP);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Duration slapdBefore = cpu(slapd.pid());
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            int accepted = run(directory, users, N);
            long wall = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            Duration slapdCpu = cpu(slapd.pid()).minus(slapdBefore);
            System.out.printf("ldap perf: %d auths (%d accepted), %.0f req/s, JVM CPU %.1f us/auth, slapd CPU %.1f us/auth%n",
                    N, accepted, N / (wall / 1e9), cpu / 1e3 / N, slapdCpu.toNanos() / 1e3 / N);
        }
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    private static int run(DirectoryAuthenticator directory, List<TestUser> users, int n) throws Exception {
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
