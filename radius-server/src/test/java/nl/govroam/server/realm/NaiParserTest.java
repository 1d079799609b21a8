package nl.govroam.server.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NaiParserTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(null, RouteRejection.NO_USER_NAME),
                Arguments.of("", RouteRejection.NO_USER_NAME),
                Arguments.of("jan", RouteRejection.NO_REALM),
                Arguments.of("host/pc01.nijmegen.nl", RouteRejection.NO_REALM),
                Arguments.of("jan@", RouteRejection.EMPTY_REALM),
                Arguments.of("@", RouteRejection.EMPTY_REALM),
                Arguments.of("jan@nijmegen.nl@wijchen.nl", RouteRejection.MULTIPLE_AT),
                Arguments.of("jan@@nijmegen.nl", RouteRejection.MULTIPLE_AT),
                Arguments.of("jan@", RouteRejection.EMPTY_REALM),
                Arguments.of("jan jansen@nijmegen.nl", RouteRejection.WHITESPACE),
                Arguments.of("jan@nijmegen.nl ", RouteRejection.WHITESPACE),
                Arguments.of(" jan@nijmegen.nl", RouteRejection.WHITESPACE),
                Arguments.of("jan\t@nijmegen.nl", RouteRejection.WHITESPACE),
                Arguments.of("jan@nijmegen.nl\n", RouteRejection.WHITESPACE),
                Arguments.of("jan\u00a0@nijmegen.nl", RouteRejection.WHITESPACE),
                Arguments.of("jan@nij\u2003megen.nl", RouteRejection.WHITESPACE),
                Arguments.of("jan\u0000@nijmegen.nl", RouteRejection.CONTROL_CHARACTER),
                Arguments.of("jan@nijmegen.nl\u0000", RouteRejection.CONTROL_CHARACTER),
                Arguments.of("jan\u0001@nijmegen.nl", RouteRejection.CONTROL_CHARACTER),
                Arguments.of("jan\u007f@nijmegen.nl", RouteRejection.CONTROL_CHARACTER),
                Arguments.of("jan\u0085@nijmegen.nl", RouteRejection.CONTROL_CHARACTER),
                Arguments.of("jan\ud800@nijmegen.nl", RouteRejection.INVALID_UTF8),
                Arguments.of("jan\ufffd@nijmegen.nl", RouteRejection.INVALID_UTF8),
                Arguments.of("jan@nijmegen", RouteRejection.REALM_NO_DOT),
                Arguments.of("jan@localhost", RouteRejection.REALM_NO_DOT),
                Arguments.of("jan@nijmegen..nl", RouteRejection.REALM_DOUBLE_DOT),
                Arguments.of("jan@.nijmegen.nl", RouteRejection.REALM_EDGE_DOT),
                Arguments.of("jan@nijmegen.nl.", RouteRejection.REALM_EDGE_DOT),
                Arguments.of("jan@.", RouteRejection.REALM_EDGE_DOT),
                Arguments.of("jan@-nijmegen.nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@nijmegen-.nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@nijmegen.-nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@nij_megen.nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@nijmegen.nl:1812", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@nijmegen!.nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@gemeente\u3002nijmegen.nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of("jan@" + "a".repeat(64) + ".nl", RouteRejection.REALM_BAD_LABEL),
                Arguments.of(ascii(254), RouteRejection.TOO_LONG));
    }

    @ParameterizedTest
    @MethodSource
    void rejected(String userName, RouteRejection expected) {
        NaiResult.Invalid invalid = assertInstanceOf(NaiResult.Invalid.class, NaiParser.parse(userName));
        assertEquals(expected, invalid.reason(), () -> invalid.detail());
        assertFalse(invalid.detail().isEmpty());
    }

    @Test
    void detailNeverEchoesAControlCharacter() {
        NaiResult.Invalid invalid = (NaiResult.Invalid) NaiParser.parse("jan\u0000evil@nijmegen.nl");
        assertEquals("User-Name has a control character at index 3", invalid.detail());
    }

    @Test
    void keepsCaseAsSent() {
        assertEquals(new Nai("Jan", "NIJMEGEN.nl"), valid("Jan@NIJMEGEN.nl"));
    }

    @Test
    void emptyUserPartIsTheAnonymousOuterIdentityOfRfc7542() {
        assertEquals(new Nai("", "nijmegen.nl"), valid("@nijmegen.nl"));
        assertEquals(new Nai("anonymous", "nijmegen.nl"), valid("anonymous@nijmegen.nl"));
    }

    @Test
    void userPartIsNotRestricted() {
        assertEquals(new Nai("j.o'brien+wifi", "nijmegen.nl"), valid("j.o'brien+wifi@nijmegen.nl"));
        assertEquals(new Nai("host/pc01", "nijmegen.nl"), valid("host/pc01@nijmegen.nl"));
    }

    @Test
    void acceptsThe72OctetNaiRfc7542RequiresAndThe253ItRecommends() {
        assertEquals(72, valid(ascii(72)).toString().length());
        assertEquals(253, valid(ascii(253)).toString().length());
    }

    @Test
    void countsLengthInUtf8Octets() {
        String realm = "@gemeente.nl";
        String user253 = "\u00e9".repeat((253 - realm.length()) / 2) + "x".repeat((253 - realm.length()) % 2);
        assertEquals(253, (user253 + realm).getBytes(StandardCharsets.UTF_8).length);
        assertInstanceOf(NaiResult.Valid.class, NaiParser.parse(user253 + realm));

        String user254 = "\u00e9" + user253.substring(1) + "x";
        assertEquals(254, (user254 + realm).getBytes(StandardCharsets.UTF_8).length);
        assertEquals(RouteRejection.TOO_LONG, ((NaiResult.Invalid) NaiParser.parse(user254 + realm)).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jan", "\u00e9\u00e9", "\u20ac", "\ud83d\ude00x", "gemeente.\u00fc"})
    void utf8LengthMatchesTheEncoder(String s) {
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, NaiParser.utf8Length(s));
    }

    @Test
    void unpairedSurrogateCountsAsTheThreeOctetsOfItsReplacement() {
        assertEquals(5, NaiParser.utf8Length("a\ud800b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "gemeente.amsterdam", "\u00fc.example", "u\u0308.example", "xn--mnchen-3ya.de", "a-b.nl", "1.2.nl",
            "\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", "\u4f8b\u5b50.\u4e2d\u56fd", "medewerkers.nijmegen.nl"})
    void acceptsRealmsOfRfc7542IncludingInternationalisedOnes(String realm) {
        assertEquals(new Nai("jan", realm), valid("jan@" + realm));
    }

    @Test
    void acceptsA63CharacterLabel() {
        String realm = "a".repeat(63) + ".nl";
        assertEquals(realm, valid("j@" + realm).realm());
    }

    /** A NAI of exactly {@code octets} ASCII octets in realm {@code nijmegen.nl}. */
    private static String ascii(int octets) {
        String realm = "@nijmegen.nl";
        return "u".repeat(octets - realm.length()) + realm;
    }

    private static Nai valid(String userName) {
        return assertInstanceOf(NaiResult.Valid.class, NaiParser.parse(userName)).nai();
    }
}
