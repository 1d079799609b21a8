package nl.govroam.ldap;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.directory.api.ldap.model.filter.FilterEncoder;

/**
 * An LDAP filter with {@code {name}} placeholders. Every value is escaped per RFC 4515 section 3
 * ({@code *}, {@code (}, {@code )}, {@code \} and NUL become {@code \2a}, {@code \28}, {@code \29}, {@code \5c},
 * {@code \00}) before it is put in, so a user name can never add a wildcard or a clause.
 */
final class FilterTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String template;

    FilterTemplate(String template) {
        this.template = template;
    }

    /** Renders the template; an unknown placeholder is left as it is (the config validator reports it). */
    String render(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : FilterEncoder.encodeFilterValue(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
