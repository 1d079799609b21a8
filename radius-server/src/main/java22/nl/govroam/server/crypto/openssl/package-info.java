/**
 * OpenSSL's libcrypto (3.0 or newer) through the foreign-function API (Java 22+): the server's handshake signature
 * and X25519. Compiled only by a Java 22+ build (the {@code java22} source set); loaded reflectively by
 * {@link nl.govroam.server.crypto.NativeCrypto#availability()}.
 */
package nl.govroam.server.crypto.openssl;
