package nl.govroam.server.codec;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Packets captured from FreeRADIUS radclient 3.2.1 ({@code radclient -x}) sending to a throwaway UDP listener, and
 * the replies that listener sent back. The replies were computed by an independent script (Python hmac/hashlib) and
 * radclient accepted each of them, so they are correct per radclient, not per our encoder.
 */
final class CapturedPackets {
    /** The shared secret all captures used. */
    static final byte[] SECRET = "govroam-testing-123".getBytes(StandardCharsets.UTF_8);

    /**
     * Access-Request Id 157: User-Name {@code jan@nijmegen.nl}, User-Password {@code wachtwoord}, NAS-IP-Address
     * 192.0.2.10, Calling-Station-Id {@code 02-00-00-00-00-01}, Message-Authenticator (last, as radclient puts it).
     */
    static final byte[] ACCESS_REQUEST = hex("019d0062bf4d4cdee36367cd5da7e3103e0b37a1"
            + "01116a616e406e696a6d6567656e2e6e6c"
            + "021205407e825f2d4eb1c64ee4c433b435b2"
            + "0406c000020a"
            + "1f1330322d30302d30302d30302d30302d3031"
            + "5012c07eb31ad5e94efac255ce863da722dd");

    /** Access-Accept to {@link #ACCESS_REQUEST}: Message-Authenticator first, then Reply-Message {@code welkom}. */
    static final byte[] ACCESS_ACCEPT = hex("029d002e4ad088348d75e7fd34deb75a00ea0343"
            + "5012a2b9bc8652bee3326b2df3b6f5260362"
            + "120877656c6b6f6d");

    /** Accounting-Request Id 158: User-Name, Acct-Status-Type Start, Acct-Session-Id, NAS-IP-Address; no M-A. */
    static final byte[] ACCOUNTING_REQUEST = hex("049e003e7cd5eb3c595c53b467072a925bd93d80"
            + "01116a616e406e696a6d6567656e2e6e6c"
            + "280600000001"
            + "2c0d3566336332612d30303031"
            + "0406c000020a");

    /** Accounting-Response to {@link #ACCOUNTING_REQUEST}: no attributes. */
    static final byte[] ACCOUNTING_RESPONSE = hex("059e0014e91d5be736e6d5cc999c2c2ad94c6efe");

    /** Status-Server Id 232 with Message-Authenticator, as {@code radclient ... status} sends it. */
    static final byte[] STATUS_SERVER = hex("0ce8002657527db74d66a2b866891edb14e83e1e"
            + "5012e2260d09317c73fa606bf6e32a18bf71");

    /** Access-Accept to {@link #STATUS_SERVER}: only a Message-Authenticator. */
    static final byte[] STATUS_SERVER_ACCEPT = hex("02e80026830f6b5c69349b73b6ae457e91fe6c31"
            + "5012f1bc3a8e5c6af08f2842b027836e2992");

    private CapturedPackets() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
