package nl.govroam.server.realm;

import java.text.Normalizer;
import java.util.Locale;

/** The one comparable form of a realm: Unicode NFC (RFC 7542 2.2 requires NFC) and lower case, so matching ignores case. */
final class RealmNames {
    private RealmNames() {
    }

    static String comparable(String realm) {
        String nfc = Normalizer.isNormalized(realm, Normalizer.Form.NFC)
                ? realm
                : Normalizer.normalize(realm, Normalizer.Form.NFC);
        return nfc.toLowerCase(Locale.ROOT);
    }
}
