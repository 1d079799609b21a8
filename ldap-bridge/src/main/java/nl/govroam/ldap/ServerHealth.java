package nl.govroam.ldap;

import java.time.Instant;
import java.util.Optional;

/**
 * One configured LDAP server as seen by its circuit breaker.
 *
 * @param url       the server's URL
 * @param up        false while the breaker is open (the server is skipped until a probe finds it back)
 * @param since     when it entered this state
 * @param lastError the last failure's description, if any (never a credential)
 */
public record ServerHealth(String url, boolean up, Instant since, Optional<String> lastError) {
}
