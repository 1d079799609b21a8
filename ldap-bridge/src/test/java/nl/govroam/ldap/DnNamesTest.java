package nl.govroam.ldap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DnNamesTest {

    @Test
    void comparesCaseInsensitivelyAndIgnoresSpacesAfterCommas() {
        assertTrue(DnNames.same("CN=Staff, OU=Groups, DC=Gemeente-Test, DC=nl", "cn=staff,ou=groups,dc=gemeente-test,dc=nl"));
        assertTrue(DnNames.same("cn = staff ,ou=groups", "cn=staff,ou=groups"));
    }

    @Test
    void differentGroupsDiffer() {
        assertFalse(DnNames.same("cn=staff,ou=groups,dc=nl", "cn=staff2,ou=groups,dc=nl"));
        assertFalse(DnNames.same("cn=staff,ou=groups,dc=nl", "cn=staff,ou=people,dc=nl"));
    }

    @Test
    void escapedValuesCompareByTheirValue() {
        assertTrue(DnNames.same("cn=a\\,b,dc=nl", "CN=A\\2cB,DC=NL"));
    }
}
