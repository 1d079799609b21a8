package nl.govroam.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --key value} and {@code --flag} options. Unknown keys are refused by {@link #rejectUnused}. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final java.util.Set<String> used = new java.util.HashSet<>();

    Args(String[] args, int from, java.util.Set<String> flags) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (flags.contains(key)) {
                values.put(key, "true");
            } else if (i + 1 < args.length) {
                values.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
    }

    String string(String key, String fallback) {
        used.add(key);
        return values.getOrDefault(key, fallback);
    }

    long number(String key, long fallback) {
        String v = string(key, null);
        return v == null ? fallback : Long.parseLong(v.replace("_", ""));
    }

    boolean flag(String key) {
        return Boolean.parseBoolean(string(key, "false"));
    }

    /** 500ms, 2s, 1m, or a bare number of seconds. */
    Duration duration(String key, Duration fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
    }

    void rejectUnused() {
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
        }
    }
}
