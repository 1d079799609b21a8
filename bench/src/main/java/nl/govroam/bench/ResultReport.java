package nl.govroam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads RESULT lines (tags {@code scenario}, {@code server}, {@code run}) and prints Markdown: per scenario and
 * outstanding, each server's median with min-max over its runs, then the ratios of the baseline (govroam) to each
 * reference from the same run.
 */
final class ResultReport {
    private ResultReport() {
    }

    static void main(Args a) throws IOException {
        Path in = Path.of(a.string("in", "results.txt"));
        String baseline = a.string("baseline", "govroam");
        a.rejectUnused();
        System.out.print(markdown(Files.readAllLines(in), baseline));
    }

    /** The Markdown tables for the RESULT lines among {@code lines}, ratios taken as {@code baseline} ÷ each other. */
    static String markdown(List<String> lines, String baseline) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("RESULT ")) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (String kv : line.substring(7).split(" ")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    row.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            rows.add(row);
        }
        // scenario -> outstanding -> server -> rows
        Map<String, Map<Integer, Map<String, List<Map<String, String>>>>> grouped = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            grouped.computeIfAbsent(r.getOrDefault("scenario", "-"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(Integer.parseInt(r.getOrDefault("outstanding", "0")), k -> new TreeMap<>())
                    .computeIfAbsent(r.getOrDefault("server", "-"), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        grouped.forEach((scenario, byOutstanding) -> {
            md.append("### ").append(scenario).append("\n\n");
            md.append("| outstanding | server | runs | req/s median (min-max) | p50 µs | p99 µs median (min-max) "
                    + "| server CPU µs/req | slapd CPU µs/req | generator CPU µs/req | accept / reject / timeout (sum) |\n");
            md.append("|---:|---|---:|---|---:|---|---|---|---:|---|\n");
            StringBuilder ratios = new StringBuilder();
            new TreeMap<>(byOutstanding).forEach((outstanding, byServer) -> {
                byServer.forEach((server, runs) -> md.append("| ").append(outstanding).append(" | ").append(server)
                        .append(" | ").append(runs.size())
                        .append(" | ").append(spread(runs, "rps"))
                        .append(" | ").append(median(runs, "p50_us"))
                        .append(" | ").append(spread(runs, "p99_us"))
                        .append(" | ").append(spread(runs, "cpu_us.server"))
                        .append(" | ").append(spread(runs, "cpu_us.slapd"))
                        .append(" | ").append(median(runs, "cpu_us.generator"))
                        .append(" | ").append(sum(runs, "accept")).append(" / ").append(sum(runs, "reject"))
                        .append(" / ").append(sum(runs, "timeout")).append(" |\n"));
                List<Map<String, String>> base = byServer.get(baseline);
                if (base != null) {
                    byServer.forEach((server, runs) -> {
                        if (!server.equals(baseline)) {
                            ratios.append("| ").append(outstanding).append(" | ").append(baseline).append(" ÷ ")
                                    .append(server)
                                    .append(" | ").append(ratio(base, runs, "rps"))
                                    .append(" | ").append(pairedRatios(base, runs, "rps"))
                                    .append(" | ").append(ratio(base, runs, "p99_us"))
                                    .append(" | ").append(ratio(base, runs, "cpu_us.server"))
                                    .append(" |\n");
                        }
                    });
                }
            });
            if (!ratios.isEmpty()) {
                md.append("\nRatios of medians (req/s: higher is better for ").append(baseline)
                        .append("; p99 and CPU per request: lower is better), and the req/s ratio of each pair of runs")
                        .append(" made one after the other (run 1 with run 1, ...: median, min-max), which shows how")
                        .append(" far the machine moved the ratio:\n\n")
                        .append("| outstanding | ratio | req/s | req/s, pair by pair | p99 | server CPU/req |\n")
                        .append("|---:|---|---:|---|---:|---:|\n")
                        .append(ratios);
            }
            md.append('\n');
        });
        return md.toString();
    }

    private static double[] values(List<Map<String, String>> runs, String key) {
        return runs.stream().filter(r -> r.containsKey(key)).mapToDouble(r -> Double.parseDouble(r.get(key)))
                .sorted().toArray();
    }

    private static double med(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String median(List<Map<String, String>> runs, String key) {
        double[] v = values(runs, key);
        return v.length == 0 ? "-" : BenchMain.fmt(med(v));
    }

    private static String spread(List<Map<String, String>> runs, String key) {
        double[] v = values(runs, key);
        if (v.length == 0) {
            return "-";
        }
        return BenchMain.fmt(med(v)) + " (" + BenchMain.fmt(v[0]) + "-" + BenchMain.fmt(v[v.length - 1]) + ")";
    }

    private static long sum(List<Map<String, String>> runs, String key) {
        return (long) Arrays.stream(values(runs, key)).sum();
    }

    /**
     * The ratio of {@code key} for each run number both servers have (the runs alternate, so run N of each was made
     * one after the other): median (min-max), or "-" without a common run number.
     */
    static String pairedRatios(List<Map<String, String>> a, List<Map<String, String>> b, String key) {
        Map<String, Double> other = new LinkedHashMap<>();
        for (Map<String, String> run : b) {
            if (run.containsKey("run") && run.containsKey(key) && Double.parseDouble(run.get(key)) > 0) {
                other.put(run.get("run"), Double.parseDouble(run.get(key)));
            }
        }
        double[] ratios = a.stream()
                .filter(run -> run.containsKey(key) && other.containsKey(run.get("run")))
                .mapToDouble(run -> Double.parseDouble(run.get(key)) / other.get(run.get("run")))
                .sorted().toArray();
        if (ratios.length == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx (%.2fx-%.2fx)", med(ratios), ratios[0], ratios[ratios.length - 1]);
    }

    private static String ratio(List<Map<String, String>> a, List<Map<String, String>> b, String key) {
        double x = med(values(a, key));
        double y = med(values(b, key));
        if (Double.isNaN(x) || Double.isNaN(y) || y == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2fx", x / y);
    }
}
