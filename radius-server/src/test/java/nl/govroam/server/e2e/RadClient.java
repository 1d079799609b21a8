package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real FreeRADIUS {@code radclient} (freeradius-utils 3.2) as a subprocess: one request from 127.0.0.1, read from
 * stdin, with {@code -x} so the reply's code and attributes are printed in wire order. Every run has a hard process
 * timeout; on timeout only the process started here is killed.
 */
final class RadClient {
    static final Path EXECUTABLE = Path.of("/usr/bin/radclient");
    private static final Pattern RECEIVED = Pattern.compile("^Received (\\S+) Id (\\d+) from .*$", Pattern.MULTILINE);
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s+([A-Za-z0-9-]+)(?::\\d+)? = (.*)$");

    /** One attribute line of a received reply, e.g. {@code Tunnel-Type = VLAN}; the tag suffix {@code :0} is dropped. */
    record Attribute(String name, String value) {
    }

    /**
     * @param exitCode   radclient's exit code (0 when the reply is the expected one)
     * @param replyCode  e.g. {@code Access-Accept}; empty when nothing came back
     * @param attributes the reply's attributes in the order radclient printed them (wire order)
     * @param output     everything radclient printed, for failure messages
     * @param elapsed    from process start to exit
     */
    record Result(int exitCode, Optional<String> replyCode, List<Attribute> attributes, String output, Duration elapsed) {
        boolean noReply() {
            return replyCode.isEmpty();
        }

        List<String> names() {
            return attributes.stream().map(Attribute::name).toList();
        }

        Optional<String> value(String name) {
            return attributes.stream().filter(a -> a.name().equals(name)).map(Attribute::value).findFirst();
        }
    }

    private RadClient() {
    }

    /** An Access-Request with User-Password and a Message-Authenticator (radclient computes it from {@code 0x00}). */
    static Result authenticate(InetSocketAddress server, String secret, String userName, String password) {
        return send(server, "auth", secret, "User-Name = " + quoted(userName) + ", User-Password = " + quoted(password)
                + ", Message-Authenticator = 0x00", Duration.ofSeconds(1));
    }

    /**
     * Sends one request and waits for its reply or radclient's own timeout ({@code -t}, one try).
     *
     * @param command    {@code auth}, {@code acct} or {@code status}
     * @param attributes radclient's input format: {@code Name = value, Name = value}
     * @param timeout    how long radclient waits for the reply (whole seconds, at least one)
     */
    static Result send(InetSocketAddress server, String command, String secret, String attributes, Duration timeout) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("radclient not found at " + EXECUTABLE + "; the end-to-end tests need it: apt-get install freeradius-utils");
        }
        long seconds = Math.max(1, timeout.toSeconds());
        List<String> commandLine = List.of(EXECUTABLE.toString(), "-x", "-t", Long.toString(seconds), "-r", "1",
                server.getAddress().getHostAddress() + ":" + server.getPort(), command, secret);
        Path output = null;
        try {
            output = Files.createTempFile("radclient-", ".out");
            long start = System.nanoTime();
            Process process = new ProcessBuilder(commandLine).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((attributes + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(seconds + 5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
                fail("radclient did not exit within " + (seconds + 5) + " s: " + Files.readString(output));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return parse(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running radclient", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    static Result parse(int exitCode, String output, Duration elapsed) {
        Matcher received = RECEIVED.matcher(output);
        if (!received.find()) {
            return new Result(exitCode, Optional.empty(), List.of(), output, elapsed);
        }
        List<Attribute> attributes = new ArrayList<>();
        String afterHeader = output.substring(received.end());
        for (String line : afterHeader.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (!attribute.matches()) {
                break;
            }
            attributes.add(new Attribute(attribute.group(1), unquoted(attribute.group(2).strip())));
        }
        return new Result(exitCode, Optional.of(received.group(1)), List.copyOf(attributes), output, elapsed);
    }

    /** A double-quoted radclient string value. */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
