package nl.govroam.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTemplateTest {

    @Test
    void escapesEveryMetacharacterOfRfc4515() {
        String rendered = new FilterTemplate("(uid={user})").render(Map.of("user", "a*b(c)d\\e\u0000f"));
        // hex digits may come in either case; RFC 4515 allows both
        assertEquals("(uid=a\\2ab\\28c\\29d\\5ce\\00f)", rendered.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void fillsEveryPlaceholderAndLeavesUnknownOnes() {
        String rendered = new FilterTemplate("(&(uid={user})(o={realm})(mail={nai})(x={other}))")
                .render(Map.of("user", "jan", "realm", "wijchen.nl", "nai", "jan@wijchen.nl"));
        assertEquals("(&(uid=jan)(o=wijchen.nl)(mail=jan@wijchen.nl)(x={other}))", rendered);
    }

    @Test
    void replacementTextIsNotInterpretedAsARegexGroup() {
        assertEquals("(uid=$1)", new FilterTemplate("(uid={user})").render(Map.of("user", "$1")));
    }
}
