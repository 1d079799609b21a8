package nl.govroam.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.LongAdder;

/**
 * The trivial responder: answers every Access-Request and Status-Server with an Access-Accept (Message-Authenticator
 * first, Proxy-State copied as a home server must, RFC 2865 5.33) and every Accounting-Request with an
 * Accounting-Response. No user check at all. Two uses: the load generator's ceiling (what the generator does when the
 * server costs nothing), and the home server at the far end of the proxy scenarios. Several threads share the port
 * with SO_REUSEPORT. Stops after {@code --max-duration}, or when killed.
 */
final class Responder {
    private final InetSocketAddress address;
    private final byte[] secret;
    private final int threads;
    private final LongAdder answered = new LongAdder();

    Responder(InetSocketAddress address, byte[] secret, int threads) {
        this.address = address;
        this.secret = secret.clone();
        this.threads = threads;
    }

    void run(long maxNanos) throws Exception {
        Thread[] workers = new Thread[threads];
        DatagramChannel[] channels = new DatagramChannel[threads];
        for (int i = 0; i < threads; i++) {
            DatagramChannel ch = RadiusWire.udpSocketFor(address.getAddress());
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            ch.bind(address);
            channels[i] = ch;
            final int seed = i;
            workers[i] = Thread.ofPlatform().name("responder-" + i).daemon().start(() -> serve(ch, seed));
        }
        System.out.println("responder listening on " + channels[0].getLocalAddress() + " threads=" + threads
                + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(maxNanos / 1_000_000);
        System.out.println("responder stopping after its --max-duration; answered=" + answered.sum());
        for (DatagramChannel ch : channels) {
            ch.close();
        }
    }

    private void serve(DatagramChannel ch, long seed) {
        RadiusWire wire = new RadiusWire(secret, seed);
        ByteBuffer buffer = ByteBuffer.allocateDirect(4096);
        byte[] in = new byte[4096];
        byte[] out = new byte[4096];
        try {
            while (ch.isOpen()) {
                buffer.clear();
                SocketAddress from = ch.receive(buffer);
                buffer.flip();
                int n = buffer.remaining();
                if (n < 20) {
                    continue;
                }
                buffer.get(in, 0, n);
                int length = ((in[2] & 0xFF) << 8) | (in[3] & 0xFF);
                if (length < 20 || length > n) {
                    continue;
                }
                int code = in[0] & 0xFF;
                int replyLength = reply(wire, in, length, out, code);
                if (replyLength < 0) {
                    continue;
                }
                buffer.clear();
                buffer.put(out, 0, replyLength).flip();
                ch.send(buffer, from);
                answered.increment();
            }
        } catch (IOException closed) {
            // closed at the end of the run
        }
    }

    /** Builds the reply in {@code out}; -1 for a packet this responder does not answer. */
    static int reply(RadiusWire wire, byte[] in, int length, byte[] out, int code) {
        int replyCode;
        boolean ma;
        switch (code) {
            case RadiusWire.ACCESS_REQUEST, RadiusWire.STATUS_SERVER -> {
                replyCode = RadiusWire.ACCESS_ACCEPT;
                ma = true;
            }
            case RadiusWire.ACCOUNTING_REQUEST -> {
                replyCode = RadiusWire.ACCOUNTING_RESPONSE;
                ma = false;
            }
            default -> {
                return -1;
            }
        }
        out[0] = (byte) replyCode;
        out[1] = in[1];
        System.arraycopy(in, 4, out, 4, 16);
        int pos = 20;
        int maOffset = -1;
        if (ma) {
            pos = wire.messageAuthenticatorPlaceholder(out, pos);
            maOffset = 22;
        }
        int p = 20;
        while (p + 1 < length) {
            int len = in[p + 1] & 0xFF;
            if (len < 2 || p + len > length) {
                return -1;
            }
            if ((in[p] & 0xFF) == RadiusWire.PROXY_STATE) {
                System.arraycopy(in, p, out, pos, len);
                pos += len;
            }
            p += len;
        }
        wire.finishReply(out, pos, maOffset);
        return pos;
    }
}
