package nl.govroam.server.transport;

import nl.govroam.server.codec.PacketCode;

/** The two UDP listeners and the packet codes each takes (RFC 2865 3, RFC 2866 3, RFC 5997 2). */
public enum ListenerKind {
    AUTH(PacketCode.ACCESS_REQUEST),
    ACCOUNTING(PacketCode.ACCOUNTING_REQUEST);

    private final PacketCode requestCode;

    ListenerKind(PacketCode requestCode) {
        this.requestCode = requestCode;
    }

    boolean takes(PacketCode code) {
        return code == requestCode || code == PacketCode.STATUS_SERVER;
    }

    /** RFC 5997 3: Status-Server is answered with Access-Accept on the auth port, Accounting-Response on accounting. */
    PacketCode statusReply() {
        return this == AUTH ? PacketCode.ACCESS_ACCEPT : PacketCode.ACCOUNTING_RESPONSE;
    }
}
