package nl.govroam.bench;

/** EAP-TTLS/PAP full handshakes at a fixed number outstanding (see the class it drives). */
final class EapLoad {
    private EapLoad() {
    }

    static void main(Args a) {
        throw new IllegalArgumentException("eap: not built yet");
    }
}
