package nl.govroam.server.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealmDenyListTest {

    @Test
    void globsWithSeveralStarsMatchLiteralsInOrder() {
        RealmDenyList list = new RealmDenyList(List.of("a*b*c.nl"));
        assertEquals(Optional.of("a*b*c.nl"), list.match("axxbyyc.nl"));
        assertEquals(Optional.of("a*b*c.nl"), list.match("abc.nl"));
        assertEquals(Optional.empty(), list.match("acb.nl"));
        assertEquals(Optional.empty(), list.match("ab.nl"));
        assertEquals(Optional.empty(), list.match("xabc.nl"));
    }

    @Test
    void prefixAndSuffixMayNotOverlap() {
        RealmDenyList list = new RealmDenyList(List.of("ab*ba", "*x*"));
        assertEquals(Optional.empty(), list.match("aba"), "'ab' and 'ba' need four characters");
        assertEquals(Optional.of("ab*ba"), list.match("abba"));
        assertEquals(Optional.of("*x*"), list.match("x"));
        assertEquals(Optional.empty(), list.match("y"));
    }

    @Test
    void theFirstConfiguredGlobThatMatchesIsNamed() {
        RealmDenyList list = new RealmDenyList(List.of("*.local", "printer.*", "*"));
        assertEquals(Optional.of("*.local"), list.match("printer.local"));
        assertEquals(Optional.of("printer.*"), list.match("printer.nl"));
        assertEquals(Optional.of("*"), list.match("anything.nl"));
    }
}
