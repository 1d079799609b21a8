package nl.govroam.server.realm;

import java.util.Objects;

/** The outcome of parsing an outer User-Name with {@link NaiParser}: a routable NAI, or why it is not one. */
public sealed interface NaiResult {

    /** A well-formed NAI with exactly one {@code @} and a syntactically valid realm. */
    record Valid(Nai nai) implements NaiResult {
        public Valid {
            Objects.requireNonNull(nai, "nai");
        }
    }

    /**
     * Not routable.
     *
     * @param reason the rule that failed
     * @param detail for the log line: never echoes a control character, whitespace or an oversized value
     */
    record Invalid(RouteRejection reason, String detail) implements NaiResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
