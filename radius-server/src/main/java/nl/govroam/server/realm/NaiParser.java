package nl.govroam.server.realm;

/**
 * Parses an outer User-Name into a {@link Nai} for routing, applying the syntax rules of RFC 7542 2.2 and the
 * eduroam realm sanity rules (federation-rules.md 2) that need no configuration. Never throws on bad input:
 * every problem is a {@link NaiResult.Invalid} with its own {@link RouteRejection}.
 *
 * <p>Checks, in this order: present and non-empty; at most 253 octets of UTF-8; no whitespace, control
 * character or invalid UTF-8; exactly one {@code @} with a non-empty realm; the realm has no leading or trailing
 * dot, no {@code ..}, at least one dot, and valid labels. The user part is not checked further: it may be empty
 * (the anonymous {@code @realm} of RFC 7542 2.4) and its syntax is the home directory's business.
 */
public final class NaiParser {

    /** RFC 7542 2.2: 253 octets SHOULD be supported; also the most one RADIUS attribute holds (RFC 2865 5.1). */
    public static final int MAX_OCTETS = 253;

    /** RFC 1035 2.3.4: a label is at most 63 long. */
    public static final int MAX_LABEL_LENGTH = 63;

    private NaiParser() {
    }

    /** Parses {@code userName} (may be null); see the class comment for the rules. */
    public static NaiResult parse(String userName) {
        if (userName == null || userName.isEmpty()) {
            return invalid(RouteRejection.NO_USER_NAME, "no User-Name");
        }
        int octets = utf8Length(userName);
        if (octets > MAX_OCTETS) {
            return invalid(RouteRejection.TOO_LONG, "User-Name is " + octets + " octets, more than " + MAX_OCTETS);
        }
        NaiResult.Invalid badCharacter = checkCharacters(userName);
        if (badCharacter != null) {
            return badCharacter;
        }
        int at = userName.indexOf('@');
        if (at < 0) {
            return invalid(RouteRejection.NO_REALM, userName.regionMatches(true, 0, "host/", 0, 5)
                    ? "machine User-Name host/... has no realm (no '@')"
                    : "User-Name has no realm (no '@')");
        }
        if (userName.indexOf('@', at + 1) >= 0) {
            return invalid(RouteRejection.MULTIPLE_AT, "User-Name has more than one '@'");
        }
        String realm = userName.substring(at + 1);
        if (realm.isEmpty()) {
            return invalid(RouteRejection.EMPTY_REALM, "User-Name ends in '@': empty realm");
        }
        NaiResult.Invalid badRealm = checkRealm(realm);
        if (badRealm != null) {
            return badRealm;
        }
        return new NaiResult.Valid(new Nai(userName.substring(0, at), realm));
    }

    /** Whitespace (federation-rules.md 2), control characters and invalid UTF-8 (RFC 7542 2.2) anywhere. */
    private static NaiResult.Invalid checkCharacters(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return invalid(RouteRejection.WHITESPACE, "User-Name has whitespace at index " + i);
            }
            if (Character.getType(cp) == Character.CONTROL) {
                return invalid(RouteRejection.CONTROL_CHARACTER, "User-Name has a control character at index " + i);
            }
            if (Character.getType(cp) == Character.SURROGATE || cp == 0xFFFD) {
                return invalid(RouteRejection.INVALID_UTF8, "User-Name is not valid UTF-8 at index " + i);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The realm rules of federation-rules.md 2 and RFC 7542 2.2 {@code realm = label *("." label)}. */
    private static NaiResult.Invalid checkRealm(String realm) {
        if (realm.startsWith(".") || realm.endsWith(".")) {
            return invalid(RouteRejection.REALM_EDGE_DOT, "realm " + realm + " starts or ends with '.'");
        }
        if (realm.contains("..")) {
            return invalid(RouteRejection.REALM_DOUBLE_DOT, "realm " + realm + " contains '..'");
        }
        if (realm.indexOf('.') < 0) {
            return invalid(RouteRejection.REALM_NO_DOT, "realm " + realm + " has no '.'");
        }
        int start = 0;
        while (start < realm.length()) {
            int end = realm.indexOf('.', start);
            if (end < 0) {
                end = realm.length();
            }
            String label = realm.substring(start, end);
            if (!isValidLabel(label)) {
                return invalid(RouteRejection.REALM_BAD_LABEL, "realm " + realm + " has an invalid label '" + label
                        + "' (letters, digits and inner '-', 1 to " + MAX_LABEL_LENGTH + " characters)");
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * RFC 7542 2.2: {@code label = let-dig *(ldh-str)}, where a letter may be any non-ASCII UTF-8 character; we take
     * the non-ASCII ones that are letters, digits or combining marks, so punctuation look-alikes such as U+3002 are
     * refused. The length bound counts characters (RFC 1035 counts octets of the ASCII form; they agree for ASCII).
     */
    static boolean isValidLabel(String label) {
        int length = label.codePointCount(0, label.length());
        if (length < 1 || length > MAX_LABEL_LENGTH || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        return label.codePoints().allMatch(NaiParser::isLabelCharacter);
    }

    private static boolean isLabelCharacter(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-';
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The UTF-8 length without encoding; an unpaired surrogate counts as the 3 octets of its replacement. */
    static int utf8Length(String s) {
        int octets = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                octets += 1;
            } else if (c < 0x800) {
                octets += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                octets += 4;
                i++;
            } else {
                octets += 3;
            }
        }
        return octets;
    }

    private static NaiResult.Invalid invalid(RouteRejection reason, String detail) {
        return new NaiResult.Invalid(reason, detail);
    }
}
