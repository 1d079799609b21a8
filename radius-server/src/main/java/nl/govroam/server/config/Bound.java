package nl.govroam.server.config;

import java.util.Optional;

/**
 * One bound list item and the mapping it came from. {@code value} is empty when the item had errors; the source
 * still lets the cross-reference checks find its name and lines, so one bad item does not hide other problems.
 */
record Bound<T>(Optional<T> value, MapReader source) {
}
