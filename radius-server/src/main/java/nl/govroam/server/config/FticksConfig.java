package nl.govroam.server.config;

import java.util.Objects;
import java.util.Optional;

/**
 * F-ticks: one line per final Access-Accept or Access-Reject for the federation's statistics (federation-rules.md 1).
 *
 * @param enabled      write F-ticks lines at all
 * @param prefix       e.g. {@code F-TICKS/govroam/1.0}
 * @param country      VISCOUNTRY, ISO 3166 alpha-2, e.g. {@code NL}
 * @param institution  VISINST when the request carries no Operator-Name; empty = {@code 1} + the client's operator
 * @param federationId FEDID, the optional regional federation id
 * @param report       which decisions are reported
 * @param csi          how the Calling-Station-Id is written
 * @param key          the HMAC key of the keyed CSI modes (never logged)
 */
public record FticksConfig(
        boolean enabled,
        String prefix,
        String country,
        Optional<String> institution,
        Optional<String> federationId,
        Report report,
        CsiMode csi,
        Optional<Secret> key) {

    public static final String DEFAULT_PREFIX = "F-TICKS/govroam/1.0";
    public static final String DEFAULT_COUNTRY = "NL";
    public static final FticksConfig DISABLED = new FticksConfig(false, DEFAULT_PREFIX, DEFAULT_COUNTRY,
            Optional.empty(), Optional.empty(), Report.ALL, CsiMode.UNDISCLOSED, Optional.empty());

    public FticksConfig {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(federationId, "federationId");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(csi, "csi");
        Objects.requireNonNull(key, "key");
    }

    /** Which final decisions get an F-ticks line. */
    public enum Report {
        /** Every Access-Accept and Access-Reject. */
        ALL,
        /** Only roaming: visitors (a realm that is not ours) and our users abroad (requests from a federation proxy). */
        ROAMING
    }

    /** How the Calling-Station-Id (a MAC address) is written (radsecproxy's {@code FTicksMAC} modes). */
    public enum CsiMode {
        /** The vendor prefix (OUI) readable, the whole address as HMAC-SHA-256 with the key. The default. */
        VENDOR_KEY_HASHED(true),
        /** The vendor prefix readable, the whole address as SHA-256 (guessable: prefer the keyed mode). */
        VENDOR_HASHED(false),
        /** HMAC-SHA-256 of the whole address with the key. */
        FULLY_KEY_HASHED(true),
        /** SHA-256 of the whole address. */
        FULLY_HASHED(false),
        /** As received. */
        ORIGINAL(false),
        /** The word {@code undisclosed}. */
        UNDISCLOSED(false);

        private final boolean keyed;

        CsiMode(boolean keyed) {
            this.keyed = keyed;
        }

        public boolean keyed() {
            return keyed;
        }
    }
}
