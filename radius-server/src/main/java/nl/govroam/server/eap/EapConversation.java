package nl.govroam.server.eap;

/**
 * One EAP conversation between rounds: who it is for, the identifier of the request we sent last, the method
 * under way, and how many rounds it has taken (bounded). Handed to one request at a time by the store.
 */
final class EapConversation {
    /** More rounds than any real handshake needs (64 KiB in 1 KB fragments is 66). */
    static final int MAX_ROUNDS = 120;

    final String outerIdentity;
    final String directory;
    int requestIdentifier;
    int rounds;
    boolean methodStarted;
    MethodHandler method;

    EapConversation(String outerIdentity, String directory) {
        this.outerIdentity = outerIdentity;
        this.directory = directory;
    }
}
