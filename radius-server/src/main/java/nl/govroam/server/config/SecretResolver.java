package nl.govroam.server.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a secret as written in the config into a {@link Secret}: inline text ({@code secret: "..."}), an environment
 * variable ({@code secret: {env: NAME}}) or a file ({@code secret: {file: /path}}; relative to the config file's
 * directory; one trailing newline is dropped). Problems name the variable or file, never a value.
 */
final class SecretResolver {

    private static final List<String> FORMS = List.of("env", "file");

    private final Map<String, String> environment;
    private final Path configDirectory;

    SecretResolver(Map<String, String> environment, Path configDirectory) {
        this.environment = Map.copyOf(environment);
        this.configDirectory = configDirectory;
    }

    Optional<Secret> resolve(MapReader.Field field, MapReader owner) {
        Problems problems = owner.problems();
        if (field.value() instanceof YamlNode.Scalar scalar) {
            return nonEmpty(scalar.text(), "inline", field, problems, "must not be empty");
        }
        Optional<MapReader> form = MapReader.of(field, problems);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        MapReader reader = form.get();
        reader.allowOnly(FORMS);
        if (reader.has("env") == reader.has("file")) {
            problems.error(field.line(), field.path(), "write the secret inline, as {env: VARIABLE_NAME} "
                    + "or as {file: /path/to/file}: exactly one of env or file");
            return Optional.empty();
        }
        if (reader.has("env")) {
            return reader.requiredString("env", "").flatMap(name -> fromEnvironment(name, reader, problems));
        }
        return reader.requiredString("file", "").flatMap(name -> fromFile(name, reader, problems));
    }

    private Optional<Secret> fromEnvironment(String name, MapReader reader, Problems problems) {
        MapReader.Field at = reader.field("env").orElseThrow();
        String value = environment.get(name);
        if (value == null) {
            problems.error(at.line(), at.path(), "environment variable " + name + " is not set");
            return Optional.empty();
        }
        return nonEmpty(value, "env " + name, at, problems, "environment variable " + name + " is empty");
    }

    private Optional<Secret> fromFile(String name, MapReader reader, Problems problems) {
        MapReader.Field at = reader.field("file").orElseThrow();
        Path file = configDirectory.resolve(name);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.error(at.line(), at.path(), "secret file " + file + " does not exist");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.error(at.line(), at.path(), "secret file " + file + " cannot be read: permission denied "
                    + "(the server's user needs read access)");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            problems.error(at.line(), at.path(), "secret file " + file + " is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(at.line(), at.path(), "secret file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        return nonEmpty(withoutTrailingNewline(content), "file " + file, at, problems, "secret file " + file + " is empty");
    }

    private static String withoutTrailingNewline(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static Optional<Secret> nonEmpty(String value, String source, MapReader.Field at, Problems problems,
                                             String emptyMessage) {
        if (value.isEmpty()) {
            problems.error(at.line(), at.path(), emptyMessage);
            return Optional.empty();
        }
        return Optional.of(Secret.of(value, source));
    }
}
