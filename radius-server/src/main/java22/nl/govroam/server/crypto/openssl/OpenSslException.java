package nl.govroam.server.crypto.openssl;

import java.io.IOException;

/** A libcrypto call that returned failure; the message has OpenSSL's error text. */
final class OpenSslException extends IOException {
    OpenSslException(String message) {
        super(message);
    }
}
