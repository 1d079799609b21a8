package nl.govroam.server.proxy;

/** Encodes one outbound request once the transport has chosen its Identifier and Request Authenticator. */
@FunctionalInterface
interface RequestEncoder {
    byte[] encode(int identifier, byte[] authenticator);
}
