package nl.govroam.server.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.config.MetricsConfig;

/**
 * The federation peers' health as the running server sees it, read from its own metrics endpoint
 * ({@code govroam_peer_state}) for {@code check-config} and {@code explain}. Empty when the endpoint is off or does not
 * answer within two seconds: the commands then print the config alone.
 */
final class RunningPeerStates {
    private static final Pattern SAMPLE = Pattern.compile("^govroam_peer_state\\{peer=\"([^\"]+)\",state=\"([a-z]+)\"} 1(\\.0)?$");

    private RunningPeerStates() {
    }

    static Optional<Map<String, String>> read(GovroamConfig config) {
        MetricsConfig m = config.operations().metrics();
        if (!m.enabled() || m.port() == 0 || config.federation().peers().isEmpty()) {
            return Optional.empty();
        }
        String host = m.address().isAnyLocalAddress() ? "127.0.0.1" : m.address().getHostAddress();
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + m.port() + "/metrics");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Map<String, String> parse(String exposition) {
        Map<String, String> states = new LinkedHashMap<>();
        exposition.lines().forEach(line -> {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                states.put(m.group(1), m.group(2));
            }
        });
        return states;
    }

    /** The line suffix for one peer, e.g. {@code "  [alive]"}, or empty. */
    static String suffix(Optional<Map<String, String>> states, String peer) {
        return states.map(s -> s.get(peer)).map(s -> "  [" + s + "]").orElse("");
    }

    /** A line saying where the states came from. */
    static String source(Optional<Map<String, String>> states) {
        return states.isPresent() ? "peer states [in brackets]: from the running server's metrics endpoint"
                : "peer states: unknown (the metrics endpoint is off or the server is not running)";
    }
}
