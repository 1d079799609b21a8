package nl.govroam.server.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of single values that need no context: each returns what is wrong, or empty when the value is fine. */
final class ValueChecks {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private ValueChecks() {
    }

    /** A numeric IPv4 or IPv6 address (never a host name: that would need DNS at load time). */
    static Optional<InetAddress> ipLiteral(String text) {
        String s = text.strip();
        boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = s.contains(":") && s.matches("[0-9a-fA-F:.]+");
        if (ipv4 && Arrays.stream(s.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255) || !ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with an LDAP URL ({@code ldap://host[:port]} or {@code ldaps://host[:port]}). */
    static Optional<String> ldapUrlProblem(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return Optional.of("'" + text + "' is not a URL; write ldaps://host or ldap://host:389");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            return Optional.of("'" + text + "': the scheme must be ldap or ldaps, e.g. ldaps://dc1.example.nl");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("'" + text + "' has no host name; write " + scheme + "://host or " + scheme + "://host:port");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("'" + text + "': only scheme, host and port are used; put the base DN in user-base-dn");
        }
        return Optional.empty();
    }

    /** What is wrong with an LDAP filter template: unbalanced parentheses or an unknown placeholder. */
    static Optional<String> filterProblem(String filter, List<String> placeholders) {
        String f = filter.strip();
        if (!f.startsWith("(") || !f.endsWith(")")) {
            return Optional.of("an LDAP filter must be in parentheses, e.g. (uid={user}); got '" + filter + "'");
        }
        int depth = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0 || depth == 0 && i < f.length() - 1) {
                return Optional.of("parentheses are not balanced in '" + filter + "' (a filter is one (...) group; "
                        + "combine several with (&...) or (|...))");
            }
        }
        if (depth != 0) {
            return Optional.of("parentheses are not balanced in '" + filter + "': " + depth + " not closed");
        }
        Matcher m = PLACEHOLDER.matcher(f);
        while (m.find()) {
            if (!placeholders.contains(m.group(1))) {
                return Optional.of("unknown placeholder {" + m.group(1) + "}" + Suggestions.didYouMean(m.group(1), placeholders)
                        + "; valid placeholders: {" + String.join("}, {", placeholders) + "}");
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a realm or operator domain: it must look like a DNS name (nijmegen.nl). */
    static Optional<String> domainProblem(String text) {
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of("'" + text + "' contains whitespace; a realm is a domain name like nijmegen.nl");
        }
        if (text.contains("@")) {
            return Optional.of("'" + text + "' contains '@'; write only the part after the @, e.g. nijmegen.nl");
        }
        if (text.contains("*")) {
            return Optional.of("'" + text + "' contains '*'; write the domain itself and set subdomains: true");
        }
        if (!text.contains(".") || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            return Optional.of("'" + text + "' is not a domain name; a realm has at least one dot, like nijmegen.nl");
        }
        return Optional.empty();
    }
}
