package nl.govroam.server.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One YAML mapping being bound to a record. Typed getters record a problem (file, line, key path, what would be
 * right) and return empty or the default, so binding goes on and every problem in the file is found in one pass.
 */
final class MapReader {

    /** One value with where it is: its key path and line. */
    record Field(String key, YamlNode value, String path, int line) {
    }

    private static final Pattern DURATION = Pattern.compile("(-?)(\\d{1,9})\\s*(ms|s|m|h)");

    private final YamlNode.Mapping mapping;
    private final String path;
    private final Problems problems;

    private MapReader(YamlNode.Mapping mapping, String path, Problems problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A reader for {@code field}'s value if it is a mapping (no value counts as an empty mapping). */
    static Optional<MapReader> of(Field field, Problems problems) {
        if (field.value() instanceof YamlNode.Mapping m) {
            return Optional.of(new MapReader(m, field.path(), problems));
        }
        if (isBlank(field.value())) {
            return Optional.of(new MapReader(new YamlNode.Mapping(field.line(), Map.of()), field.path(), problems));
        }
        problems.error(field.line(), field.path(), "expected a mapping (key: value lines), got " + field.value().describe());
        return Optional.empty();
    }

    String path() {
        return path;
    }

    int line() {
        return mapping.line();
    }

    Problems problems() {
        return problems;
    }

    String pathOf(String key) {
        return child(path, key);
    }

    /** The line of {@code key}, or of this mapping when the key is absent. */
    int lineOf(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        return entry == null ? mapping.line() : entry.keyLine();
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    /** Reports each key not in {@code validKeys}, listing the valid ones. */
    void allowOnly(List<String> validKeys) {
        for (String key : keys()) {
            if (!validKeys.contains(key)) {
                unknownKey(key, validKeys);
            }
        }
    }

    void unknownKey(String key, List<String> validKeys) {
        problems.error(lineOf(key), pathOf(key), "unknown key '" + key + "'"
                + Suggestions.didYouMean(key, validKeys) + "; valid keys: " + String.join(", ", validKeys));
    }

    /** The keys as written, in file order. */
    List<String> keys() {
        return List.copyOf(mapping.entries().keySet());
    }

    /** The key's value; empty when absent or written with no value ({@code key:} or {@code key: ~}). */
    Optional<Field> field(String key) {
        YamlNode.Entry entry = mapping.entries().get(key);
        if (entry == null || entry.value() instanceof YamlNode.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Field(key, entry.value(), child(path, key), entry.keyLine()));
    }

    Optional<Field> requiredField(String key, String hint) {
        Optional<Field> field = field(key);
        if (field.isEmpty()) {
            String what = has(key) ? "'" + key + "' has no value" : "missing required key '" + key + "'";
            problems.error(lineOf(key), has(key) ? pathOf(key) : path, what + (hint.isEmpty() ? "" : "; " + hint));
        }
        return field;
    }

    /** The text of a scalar without recording anything (for cross-reference checks). */
    Optional<String> peekString(String key) {
        return field(key).filter(f -> f.value() instanceof YamlNode.Scalar).map(f -> ((YamlNode.Scalar) f.value()).text());
    }

    Optional<String> string(String key) {
        return field(key).flatMap(this::text);
    }

    Optional<String> requiredString(String key, String hint) {
        return requiredField(key, hint).flatMap(this::text);
    }

    String string(String key, String defaultValue) {
        return has(key) ? string(key).orElse(defaultValue) : defaultValue;
    }

    int integer(String key, int defaultValue, int min, int max) {
        return field(key).flatMap(f -> whole(f, min, max)).orElse(defaultValue);
    }

    boolean bool(String key, boolean defaultValue) {
        return field(key).flatMap(this::bool).orElse(defaultValue);
    }

    Duration duration(String key, Duration defaultValue, boolean mustBePositive) {
        return field(key).flatMap(f -> duration(f, mustBePositive)).orElse(defaultValue);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        return field(key).flatMap(f -> choice(f, type)).orElse(defaultValue);
    }

    /** A nested mapping; empty when absent (no problem) or not a mapping (problem recorded). */
    Optional<MapReader> map(String key) {
        return field(key).flatMap(f -> of(f, problems));
    }

    /** The items of a list, each with its own path ({@code key[0]}) and line; empty when absent or not a list. */
    Optional<List<Field>> list(String key) {
        return field(key).flatMap(this::items);
    }

    Optional<List<String>> stringList(String key) {
        return list(key).map(items -> {
            List<String> out = new ArrayList<>();
            items.forEach(item -> text(item).ifPresent(out::add));
            return out;
        });
    }

    Optional<List<Field>> items(Field field) {
        if (field.value() instanceof YamlNode.Sequence seq) {
            List<Field> out = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                out.add(new Field(field.key(), item, field.path() + "[" + i + "]", item.line()));
            }
            return Optional.of(out);
        }
        if (isBlank(field.value())) {
            return Optional.of(List.of());
        }
        problems.error(field.line(), field.path(), "expected a list ('- item' lines or [a, b]), got " + field.value().describe());
        return Optional.empty();
    }

    Optional<String> text(Field field) {
        if (!(field.value() instanceof YamlNode.Scalar scalar) || scalar.isNull()) {
            problems.error(field.line(), field.path(), "expected a single value, got " + field.value().describe());
            return Optional.empty();
        }
        if (scalar.text().isBlank()) {
            problems.error(field.line(), field.path(), "must not be empty");
            return Optional.empty();
        }
        return Optional.of(scalar.text());
    }

    Optional<Integer> whole(Field field, int min, int max) {
        if (field.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER && s.number() != null) {
            BigInteger value = new BigInteger(s.number().toString());
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                problems.error(field.line(), field.path(), "must be " + min + " to " + max + ", got " + value);
                return Optional.empty();
            }
            return Optional.of(value.intValue());
        }
        String hint = field.value() instanceof YamlNode.Scalar s && s.text().strip().matches("-?\\d+")
                ? " (write the number without quotes)" : "";
        problems.error(field.line(), field.path(), "expected a whole number " + min + " to " + max + ", got "
                + field.value().describe() + hint);
        return Optional.empty();
    }

    Optional<Boolean> bool(Field field) {
        if (field.value() instanceof YamlNode.Scalar s) {
            if (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false")) {
                return Optional.of(Boolean.parseBoolean(s.text()));
            }
            if (s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
                problems.error(field.line(), field.path(), "expected true or false, got '" + s.text()
                        + "' (yes/no/on/off are not accepted; write true or false)");
                return Optional.empty();
            }
        }
        problems.error(field.line(), field.path(), "expected true or false, got " + field.value().describe());
        return Optional.empty();
    }

    Optional<Duration> duration(Field field, boolean mustBePositive) {
        String example = "write a number and a unit (ms, s, m, h), e.g. 500ms, 2s, 5m";
        if (!(field.value() instanceof YamlNode.Scalar s) || s.isNull()) {
            problems.error(field.line(), field.path(), "expected a duration, got " + field.value().describe() + "; " + example);
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(s.text().strip());
        if (!m.matches()) {
            String why = s.kind() == YamlNode.Scalar.Kind.INTEGER ? "'" + s.text() + "' has no unit" : "'" + s.text()
                    + "' is not a duration";
            problems.error(field.line(), field.path(), why + "; " + example);
            return Optional.empty();
        }
        if (!m.group(1).isEmpty()) {
            problems.error(field.line(), field.path(), "must not be negative, got " + s.text());
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(2));
        Duration value = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (mustBePositive && value.isZero()) {
            problems.error(field.line(), field.path(), "must be more than 0, got " + s.text());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    <E extends Enum<E>> Optional<E> choice(Field field, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(MapReader::yamlName).toList();
        Optional<String> text = text(field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (yamlName(constant).equalsIgnoreCase(text.get().strip())) {
                return Optional.of(constant);
            }
        }
        problems.error(field.line(), field.path(), "unknown value '" + text.get() + "'"
                + Suggestions.didYouMean(text.get(), names) + "; valid values: " + String.join(", ", names));
        return Optional.empty();
    }

    /** NO_REPLY is written no-reply. */
    static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String names(Collection<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static boolean isBlank(YamlNode node) {
        return node instanceof YamlNode.Scalar s && (s.isNull() || s.kind() == YamlNode.Scalar.Kind.STRING && s.text().isEmpty());
    }
}
