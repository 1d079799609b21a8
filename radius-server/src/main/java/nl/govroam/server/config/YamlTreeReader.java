package nl.govroam.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file with Jackson's streaming YAML parser into a {@link YamlNode} tree.
 *
 * <p>Duplicate keys are detected here rather than with Jackson's {@code STRICT_DUPLICATE_DETECTION}: that feature
 * throws at the first duplicate and ends the parse, while this reader reports every duplicate (with the line of
 * the first occurrence) and goes on, so the admin sees all problems at once. Either way a duplicate never
 * silently wins. A syntax error ends the parse and is reported with its line; its message never quotes the
 * offending line (it could hold a secret).
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;
    private final YAMLParser parser;

    private YamlTreeReader(YAMLParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** The file's single document, or empty when it cannot be read or parsed (the problem is recorded). */
    static Optional<YamlNode> read(Path file, Problems problems) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             YAMLParser parser = FACTORY.createParser(reader)) {
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return new YamlTreeReader(parser, problems).document();
        } catch (NoSuchFileException e) {
            problems.error(0, "", "config file does not exist");
        } catch (AccessDeniedException e) {
            problems.error(0, "", "config file cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            problems.error(0, "", "config file is not valid UTF-8 text");
        } catch (StreamReadException e) {
            reportSyntaxError(e, problems);
        } catch (IOException e) {
            problems.error(0, "", "config file cannot be read: " + e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    private Optional<YamlNode> document() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            problems.error(0, "", "config file is empty; start from the sample config/govroam.yaml");
            return Optional.empty();
        }
        YamlNode root = node(first, "");
        if (parser.nextToken() != null) {
            problems.error(line(), "", "only one YAML document is allowed; remove the second '---' section");
        }
        return Optional.of(root);
    }

    private YamlNode node(JsonToken token, String path) throws IOException {
        int line = line();
        if (parser.isCurrentAlias()) {
            problems.error(line, path, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
            return new YamlNode.Scalar(line, "", YamlNode.Scalar.Kind.NULL, null);
        }
        return switch (token) {
            case START_OBJECT -> mapping(line, path);
            case START_ARRAY -> sequence(line, path);
            case VALUE_NUMBER_INT -> new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.INTEGER, number());
            case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.DECIMAL, number());
            case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.BOOLEAN, null);
            case VALUE_NULL -> new YamlNode.Scalar(line, "", YamlNode.Scalar.Kind.NULL, null);
            default -> new YamlNode.Scalar(line, parser.getText(), YamlNode.Scalar.Kind.STRING, null);
        };
    }

    private Number number() {
        try {
            return parser.getNumberValue();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private YamlNode mapping(int line, String path) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            int keyLine = line();
            String keyPath = MapReader.child(path, key);
            YamlNode value = node(parser.nextToken(), keyPath);
            YamlNode.Entry earlier = entries.get(key);
            if (earlier != null) {
                problems.error(keyLine, keyPath, "duplicate key '" + key + "' (first at line " + earlier.keyLine()
                        + "); remove one of them");
            } else {
                entries.put(key, new YamlNode.Entry(key, keyLine, value));
            }
        }
        return new YamlNode.Mapping(line, entries);
    }

    private YamlNode sequence(int line, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(token, path + "[" + items.size() + "]"));
        }
        return new YamlNode.Sequence(line, items);
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static void reportSyntaxError(StreamReadException e, Problems problems) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            StringBuilder message = new StringBuilder("YAML syntax error: ").append(marked.getProblem());
            if (marked.getContext() != null && marked.getContextMark() != null) {
                message.append(" (").append(marked.getContext()).append(" started at line ")
                        .append(marked.getContextMark().getLine() + 1).append(')');
            }
            problems.error(marked.getProblemMark().getLine() + 1, "", message.toString());
        } else {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.error(Math.max(line, 0), "", "YAML syntax error: " + e.getOriginalMessage());
        }
    }
}
