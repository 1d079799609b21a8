package nl.govroam.server.eap;

import java.util.Optional;

/** One method's side of one conversation, round by round. Not thread-safe: the store hands it to one request at a time. */
public interface MethodHandler {

    /** The EAP type it answers. */
    int type();

    /** As logged: {@code EAP-TTLS/PAP} once the inner method is known, else the outer name. */
    String name();

    /** The inner identity, once known. */
    Optional<String> innerIdentity();

    /** The TLS version, once negotiated. */
    Optional<String> tlsVersion();

    /** The type data of the first request (TLS start). */
    byte[] start();

    /** Handles one response's type data. Never throws for bad input. */
    MethodStep step(byte[] typeData, AccountCheck accounts);

    /** Drops TLS state and keys. */
    void close();
}
