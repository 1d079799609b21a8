package nl.govroam.server.ops;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Writes the Prometheus text exposition format (version 0.0.4): HELP and TYPE once per family, then samples. */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder sb = new StringBuilder(8192);
    private final Set<String> described = new HashSet<>();

    /** HELP and TYPE for a family, once. */
    PrometheusText family(String name, String type, String help) {
        if (described.add(name)) {
            sb.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                    .append('\n');
            sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
        return this;
    }

    PrometheusText sample(String name, String[] labelNames, String[] labelValues, double value) {
        sb.append(name);
        if (labelNames.length > 0) {
            sb.append('{');
            for (int i = 0; i < labelNames.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(labelNames[i]).append("=\"");
                escape(labelValues[i]);
                sb.append('"');
            }
            sb.append('}');
        }
        sb.append(' ').append(number(value)).append('\n');
        return this;
    }

    PrometheusText sample(String name, double value) {
        return sample(name, new String[0], new String[0], value);
    }

    static String number(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).toLowerCase(Locale.ROOT).equals("infinity") ? "+Inf" : Double.toString(value);
    }

    private void escape(String value) {
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
