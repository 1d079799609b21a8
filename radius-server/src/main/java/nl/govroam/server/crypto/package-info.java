/**
 * Where the expensive TLS math runs: OpenSSL's libcrypto through Java's foreign-function API when the JVM (22 or
 * newer) and the machine have it, Bouncy Castle's Java code otherwise. The TLS protocol itself is always Bouncy
 * Castle's; only the server's handshake signature and the X25519 key exchange are handed to native code.
 */
package nl.govroam.server.crypto;
