package nl.govroam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process from {@code /proc/<pid>/stat}: utime + stime (fields 14 and 15), all its threads, in clock
 * ticks (USER_HZ, 100 on Linux x86: 10 ms resolution, so count enough requests for it to matter).
 */
final class ProcCpu {
    static final long TICK_NANOS = 10_000_000L;

    private ProcCpu() {
    }

    /** CPU nanoseconds used so far, or -1 when the process is gone. */
    static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + (pid == 0 ? "self" : Long.toString(pid)) + "/stat"));
            // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            return (utime + stime) * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size in KiB from {@code /proc/<pid>/status} (VmRSS), or -1. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).strip().split("\\s+")[0]);
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
