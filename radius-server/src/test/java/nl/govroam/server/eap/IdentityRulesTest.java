package nl.govroam.server.eap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Inner and outer identity (federation rules section 3). */
class IdentityRulesTest {

    private static String refusal(String outer, String inner) {
        return IdentityRules.check(outer, inner).map(IdentityRules.Refusal::reason).orElse("ok");
    }

    @Test
    void anonymousOuterWithInnerOfTheSameRealmOrASubRealmIsFine() {
        assertEquals("ok", refusal("anonymous@nijmegen.nl", "jan@nijmegen.nl"));
        assertEquals("ok", refusal("@nijmegen.nl", "jan@nijmegen.nl"));
        assertEquals("ok", refusal("anon@nijmegen.nl", "jan@medewerkers.nijmegen.nl"));
        assertEquals("ok", refusal("jan@nijmegen.nl", "jan@nijmegen.nl"));
        assertEquals("ok", refusal("anonymous@nijmegen.nl", "jan"));
    }

    @Test
    void mismatchesAreRefusedWithAReason() {
        assertEquals("realm-mismatch", refusal("anonymous@nijmegen.nl", "jan@wijchen.nl"));
        assertEquals("realm-mismatch", refusal("anonymous@medewerkers.nijmegen.nl", "jan@nijmegen.nl"));
        assertEquals("realm-mismatch", refusal("jan@nijmegen.nl", "jan@wijchen.nl"));
        assertEquals("outer-identity-not-anonymous", refusal("piet@nijmegen.nl", "jan@nijmegen.nl"));
        assertEquals("anonymous-inner-identity", refusal("anonymous@nijmegen.nl", "anonymous@nijmegen.nl"));
        assertEquals("anonymous-inner-identity", refusal("anonymous@nijmegen.nl", "@nijmegen.nl"));
        assertTrue(IdentityRules.isAnonymous("Anonymous"));
    }
}
