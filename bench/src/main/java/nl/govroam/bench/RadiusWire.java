package nl.govroam.bench;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of RADIUS in as few operations as possible, so the generator is never the bottleneck: Access-Request
 * with Message-Authenticator first (RFC 3579 3.2), User-Password hidden (RFC 2865 5.2), reply authenticators checked
 * (RFC 2865 3). One instance per thread: it reuses its digests and buffers.
 */
final class RadiusWire {
    static final int ACCESS_REQUEST = 1;
    static final int ACCESS_ACCEPT = 2;
    static final int ACCESS_REJECT = 3;
    static final int ACCOUNTING_REQUEST = 4;
    static final int ACCOUNTING_RESPONSE = 5;
    static final int ACCESS_CHALLENGE = 11;
    static final int STATUS_SERVER = 12;

    static final int USER_NAME = 1;
    static final int USER_PASSWORD = 2;
    static final int NAS_IP_ADDRESS = 4;
    static final int NAS_PORT = 5;
    static final int STATE = 24;
    static final int CALLING_STATION_ID = 31;
    static final int PROXY_STATE = 33;
    static final int NAS_PORT_TYPE = 61;
    static final int EAP_MESSAGE = 79;
    static final int MESSAGE_AUTHENTICATOR = 80;

    private final byte[] secret;
    private final MessageDigest md5;
    private final Mac hmac;
    private final SplittableRandom random;

    RadiusWire(byte[] secret, long seed) {
        this.secret = secret.clone();
        this.random = new SplittableRandom(seed);
        try {
            this.md5 = MessageDigest.getInstance("MD5");
            this.hmac = Mac.getInstance("HmacMD5");
            hmac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacMD5"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 and HmacMD5 are part of every JDK", e);
        }
    }

    /** Fills 16 octets at {@code off} with a fresh Request Authenticator (fast PRNG: a benchmark, not a NAS). */
    void randomAuthenticator(byte[] out, int off) {
        long a = random.nextLong();
        long b = random.nextLong();
        for (int i = 0; i < 8; i++) {
            out[off + i] = (byte) (a >>> (8 * i));
            out[off + 8 + i] = (byte) (b >>> (8 * i));
        }
    }

    /**
     * Writes a PAP Access-Request into {@code out} and returns its length: header, Message-Authenticator,
     * User-Name, User-Password, NAS-IP-Address 127.0.0.1, NAS-Port-Type Wireless-802.11. The Request Authenticator is
     * fresh; read it back at offset 4.
     */
    int papRequest(byte[] out, int identifier, byte[] userName, byte[] password) {
        int pos = header(out, ACCESS_REQUEST, identifier);
        pos = messageAuthenticatorPlaceholder(out, pos);
        pos = attribute(out, pos, USER_NAME, userName, 0, userName.length);
        pos = hiddenPassword(out, pos, password);
        pos = nasAttributes(out, pos);
        return finishRequest(out, pos, true);
    }

    /** Writes the header with a fresh authenticator; returns the first attribute offset. */
    int header(byte[] out, int code, int identifier) {
        out[0] = (byte) code;
        out[1] = (byte) identifier;
        randomAuthenticator(out, 4);
        return 20;
    }

    int messageAuthenticatorPlaceholder(byte[] out, int pos) {
        out[pos] = (byte) MESSAGE_AUTHENTICATOR;
        out[pos + 1] = 18;
        java.util.Arrays.fill(out, pos + 2, pos + 18, (byte) 0);
        return pos + 18;
    }

    int attribute(byte[] out, int pos, int type, byte[] value, int off, int len) {
        out[pos] = (byte) type;
        out[pos + 1] = (byte) (len + 2);
        System.arraycopy(value, off, out, pos + 2, len);
        return pos + 2 + len;
    }

    int nasAttributes(byte[] out, int pos) {
        out[pos] = NAS_IP_ADDRESS;
        out[pos + 1] = 6;
        out[pos + 2] = 127;
        out[pos + 3] = 0;
        out[pos + 4] = 0;
        out[pos + 5] = 1;
        pos += 6;
        out[pos] = NAS_PORT_TYPE;
        out[pos + 1] = 6;
        out[pos + 2] = 0;
        out[pos + 3] = 0;
        out[pos + 4] = 0;
        out[pos + 5] = 19;
        return pos + 6;
    }

    /** RFC 2865 5.2: c(i) = p(i) xor MD5(S + c(i-1)), c(0) = Request Authenticator. */
    int hiddenPassword(byte[] out, int pos, byte[] password) {
        int blocks = Math.max(1, (password.length + 15) / 16);
        int len = blocks * 16;
        out[pos] = USER_PASSWORD;
        out[pos + 1] = (byte) (len + 2);
        int start = pos + 2;
        byte[] b = new byte[16];
        for (int block = 0; block < blocks; block++) {
            md5.update(secret);
            if (block == 0) {
                md5.update(out, 4, 16);
            } else {
                md5.update(out, start + (block - 1) * 16, 16);
            }
            try {
                md5.digest(b, 0, 16);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < 16; i++) {
                int p = block * 16 + i;
                byte plain = p < password.length ? password[p] : 0;
                out[start + p] = (byte) (plain ^ b[i]);
            }
        }
        return start + len;
    }

    /** Sets the Length field and, when the packet has one first, the Message-Authenticator. Returns the length. */
    int finishRequest(byte[] out, int length, boolean messageAuthenticatorFirst) {
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        if (messageAuthenticatorFirst) {
            hmac.update(out, 0, length);
            try {
                hmac.doFinal(out, 22);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        return length;
    }

    /**
     * Whether a reply's Response Authenticator matches the request's: MD5(Code + ID + Length + RequestAuth +
     * Attributes + Secret) (RFC 2865 3). {@code requestAuth} is read at {@code authOff}.
     */
    boolean replyAuthentic(byte[] reply, int length, byte[] requestAuth, int authOff) {
        md5.update(reply, 0, 4);
        md5.update(requestAuth, authOff, 16);
        md5.update(reply, 20, length - 20);
        md5.update(secret);
        byte[] d = md5.digest();
        for (int i = 0; i < 16; i++) {
            if (d[i] != reply[4 + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Encodes a reply in place: {@code out} holds the header and attributes with the request's authenticator at 4 and
     * a zeroed Message-Authenticator at {@code maOffset} (or -1 for none). Computes M-A then the Response
     * Authenticator.
     */
    void finishReply(byte[] out, int length, int maOffset) {
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        if (maOffset >= 0) {
            hmac.update(out, 0, length);
            try {
                hmac.doFinal(out, maOffset);
            } catch (javax.crypto.ShortBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        md5.update(out, 0, length);
        md5.update(secret);
        try {
            md5.digest(out, 4, 16);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds the value offset of the first attribute of {@code type}, or -1. */
    static int find(byte[] packet, int length, int type) {
        int pos = 20;
        while (pos + 1 < length) {
            int len = packet[pos + 1] & 0xFF;
            if (len < 2) {
                return -1;
            }
            if ((packet[pos] & 0xFF) == type) {
                return pos + 2;
            }
            pos += len;
        }
        return -1;
    }

    /**
     * A UDP socket of the address's own family: for an IPv4 server a plain IPv4 socket, not the JDK's default
     * dual-stack IPv6 one, whose IPv4-mapped sends take the kernel's slower path (a route lookup per datagram).
     */
    static DatagramChannel udpSocketFor(InetAddress address) throws IOException {
        return DatagramChannel.open(address instanceof Inet4Address ? StandardProtocolFamily.INET
                : StandardProtocolFamily.INET6);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
