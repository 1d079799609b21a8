package nl.govroam.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code govroam-bench <mode> [options]}: {@code load} (PAP), {@code eap} (EAP-TTLS/PAP handshakes),
 * {@code responder}, {@code users} (fixture data), {@code report} (results to Markdown). See bench/README.md.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.println(USAGE);
            return;
        }
        try {
            switch (args[0]) {
                case "load" -> load(new Args(args, 1, Set.of("no-message-authenticator")));
                case "eap" -> EapLoad.main(new Args(args, 1, Set.of()));
                case "responder" -> responder(new Args(args, 1, Set.of()));
                case "users" -> FixtureUsers.main(new Args(args, 1, Set.of()));
                case "report" -> ResultReport.main(new Args(args, 1, Set.of()));
                default -> {
                    System.err.println("unknown mode '" + args[0] + "'\n" + USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    static InetSocketAddress address(String hostPort) throws java.net.UnknownHostException {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)),
                Integer.parseInt(hostPort.substring(colon + 1)));
    }

    private static void responder(Args a) throws Exception {
        InetSocketAddress listen = address(a.string("listen", "127.0.0.1:18120"));
        byte[] secret = a.string("secret", "bench-secret").getBytes(StandardCharsets.UTF_8);
        int threads = (int) a.number("threads", 1);
        Duration max = a.duration("max-duration", Duration.ofMinutes(30));
        a.rejectUnused();
        new Responder(listen, secret, threads).run(max.toNanos());
    }

    private static void load(Args a) throws Exception {
        InetSocketAddress server = address(a.string("server", "127.0.0.1:1812"));
        byte[] secret = a.string("secret", "bench-secret").getBytes(StandardCharsets.UTF_8);
        String usersFile = a.string("users", null);
        UserList users = usersFile != null ? UserList.read(Path.of(usersFile))
                : UserList.single(a.string("user", "bench@bench.example"), a.string("password", "bench-password"));
        int outstanding = (int) a.number("outstanding", 64);
        long count = a.number("count", 100_000);
        Duration duration = a.duration("duration", Duration.ofSeconds(30));
        long warmup = a.number("warmup", 0);
        Duration timeout = a.duration("timeout", Duration.ofSeconds(2));
        boolean ma = !a.flag("no-message-authenticator");
        Map<String, Long> pids = pids(a.string("pids", ""));
        String tags = a.string("tags", "");
        long seed = a.number("seed", System.nanoTime());
        a.rejectUnused();
        if (outstanding < 1 || outstanding > 4096 || count < 1) {
            throw new IllegalArgumentException("--outstanding 1..4096 and --count >= 1");
        }
        LoadGenerator generator = new LoadGenerator(new LoadGenerator.Options(server, secret, users, outstanding, count,
                duration.toNanos(), warmup, timeout.toNanos(), ma, seed));
        if (warmup > 0) {
            generator.phase(warmup, duration.toNanos());
        }
        Map<String, Long> cpuBefore = cpu(pids);
        LoadGenerator.Stats stats = generator.phase(count, duration.toNanos());
        Map<String, Long> cpuAfter = cpu(pids);
        generator.close();
        System.out.println(resultLine(tags, outstanding, stats, cpuBefore, cpuAfter));
    }

    static Map<String, Long> pids(String spec) {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (spec.isBlank()) {
            return pids;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--pids name=PID,name=PID");
            }
            pids.put(kv[0], Long.parseLong(kv[1]));
        }
        return pids;
    }

    static Map<String, Long> cpu(Map<String, Long> pids) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, ProcCpu.cpuNanos(pid)));
        cpu.put("generator", ProcCpu.cpuNanos(0));
        return cpu;
    }

    /** One line of {@code key=value} pairs, the format {@code report} reads. */
    static String resultLine(String tags, int outstanding, LoadGenerator.Stats s, Map<String, Long> before,
                             Map<String, Long> after) {
        long answered = s.accepts() + s.rejects() + s.others();
        long[] lat = s.sortedLatencies();
        StringBuilder line = new StringBuilder("RESULT");
        if (!tags.isBlank()) {
            for (String tag : tags.split(",")) {
                line.append(' ').append(tag.strip());
            }
        }
        line.append(" outstanding=").append(outstanding)
                .append(" sent=").append(s.sent())
                .append(" accept=").append(s.accepts())
                .append(" reject=").append(s.rejects())
                .append(" other=").append(s.others())
                .append(" timeout=").append(s.timeouts())
                .append(" stale=").append(s.stale())
                .append(" bad=").append(s.bad())
                .append(" seconds=").append(fmt(s.elapsedNanos() / 1e9))
                .append(" rps=").append(fmt(s.perSecond()))
                .append(" p50_us=").append(fmt(LatencyRecorder.percentile(lat, 50) / 1e3))
                .append(" p90_us=").append(fmt(LatencyRecorder.percentile(lat, 90) / 1e3))
                .append(" p99_us=").append(fmt(LatencyRecorder.percentile(lat, 99) / 1e3))
                .append(" max_us=").append(fmt(lat.length == 0 ? 0 : lat[lat.length - 1] / 1e3));
        before.forEach((name, b) -> {
            long a = after.getOrDefault(name, -1L);
            if (b >= 0 && a >= 0 && answered > 0) {
                line.append(" cpu_us.").append(name).append('=').append(fmt((a - b) / 1e3 / answered));
            }
        });
        return line.toString();
    }

    static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static final String USAGE = """
            usage: govroam-bench <mode> [options]
              load       PAP Access-Requests with Message-Authenticator at a fixed number outstanding
                         --server 127.0.0.1:1812 --secret S --users FILE (name password per line) | --user U --password P
                         --outstanding 64 --count 100000 --duration 30s --warmup 0 --timeout 2s
                         --pids name=PID,... (CPU per request from /proc) --tags k=v,... (copied to the RESULT line)
              eap        EAP-TTLS/PAP full handshakes, many at once from one process (same options as load, plus
                         --anonymous-identity anonymous@REALM)
              responder  answers everything with Accept: the generator's ceiling, and a home server
                         --listen 127.0.0.1:18120 --secret S --threads 1 --max-duration 30m
              users      writes the 10,000-user fixture: --count 10000 --realm bench.example --ldif FILE --list FILE
                         --base-dn dc=bench,dc=example --freeradius-users FILE
              report     RESULT lines to Markdown tables: --in FILE --baseline SERVER
            """;
}
