package nl.govroam.server.codec;

import org.tinyradius.core.dictionary.DefaultDictionary;
import org.tinyradius.core.dictionary.Dictionary;

/**
 * The attribute dictionary (names, types, which attributes are hidden): tinyradius's default, RFC 2865/2866/2869.
 * Vendor dictionaries (Microsoft, for MS-MPPE keys) are added here when EAP needs them.
 */
final class RadiusDictionary {
    static final Dictionary INSTANCE = DefaultDictionary.INSTANCE;

    private RadiusDictionary() {
    }
}
