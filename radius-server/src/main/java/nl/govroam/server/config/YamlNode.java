package nl.govroam.server.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML file as a tree that remembers the line of every key and value, so the binder can say where a problem is
 * after parsing has finished (Jackson's databind stops at the first error; walking our own tree lets us report all).
 */
sealed interface YamlNode {

    /** 1-based line where the node starts. */
    int line();

    /** What the node is, for "expected X, got Y" messages. Scalar text is shortened, never a whole value. */
    String describe();

    /** One {@code key: value} pair of a mapping. */
    record Entry(String key, int keyLine, YamlNode value) {
    }

    record Mapping(int line, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping (key: value lines)";
        }
    }

    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A plain or quoted value. {@code text} is always the text as written (so {@code secret: no} stays "no");
     * {@code number} is set for numbers only.
     */
    record Scalar(int line, String text, Kind kind, Number number) implements YamlNode {

        enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "no value";
                case INTEGER, DECIMAL -> "the number " + shortened();
                case BOOLEAN, STRING -> text.isEmpty() ? "an empty value" : "'" + shortened() + "'";
            };
        }

        private String shortened() {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }
}
