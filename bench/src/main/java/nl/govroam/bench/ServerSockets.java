package nl.govroam.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The load generators' UDP sockets to the server under test: non-blocking, connected (the kernel then delivers only the
 * server's datagrams and skips the route lookup per send), one selector over all of them, used by one thread. Enough
 * sockets that each keeps at most {@link #IDS_PER_SOCKET} Identifiers in flight, so 256 outstanding never wait for a
 * free one. A datagram too short for its RADIUS Length, and ICMP port-unreachable on a read or a write, are counted
 * here as {@link #bad()}; the caller sees only whole packets.
 */
final class ServerSockets implements AutoCloseable {
    static final int IDS_PER_SOCKET = 128;
    private static final int BUFFER = 1 << 20;

    /** Takes one received packet: its socket, and its octets in {@code in[0, length)}. */
    interface Receiver {
        void packet(int socket, byte[] in, int length);
    }

    private final DatagramChannel[] channels;
    private final Selector selector;
    private final byte[] in = new byte[4096];
    private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(4096);
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(4096);
    private long bad;

    ServerSockets(InetSocketAddress server, int outstanding) throws IOException {
        int sockets = Math.max(1, (outstanding + IDS_PER_SOCKET - 1) / IDS_PER_SOCKET);
        channels = new DatagramChannel[sockets];
        selector = Selector.open();
        try {
            for (int s = 0; s < sockets; s++) {
                DatagramChannel ch = RadiusWire.udpSocketFor(server.getAddress());
                channels[s] = ch;
                ch.setOption(StandardSocketOptions.SO_RCVBUF, BUFFER);
                ch.setOption(StandardSocketOptions.SO_SNDBUF, BUFFER);
                ch.bind(new InetSocketAddress(server.getAddress(), 0));
                ch.connect(server);
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, s);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    int count() {
        return channels.length;
    }

    /** Sends {@code out[0, length)} on socket {@code s}; false when its buffer is full or nobody listens. */
    boolean send(int s, byte[] out, int length) throws IOException {
        sendBuffer.clear();
        sendBuffer.put(out, 0, length).flip();
        try {
            return channels[s].write(sendBuffer) > 0;
        } catch (PortUnreachableException e) {
            bad++;
            return false;
        }
    }

    /**
     * Waits for replies up to {@code waitMillis} (0: only what is there now) and hands each whole packet to the
     * receiver, reading every ready socket until it is empty.
     */
    void receive(long waitMillis, Receiver receiver) throws IOException {
        int ready = waitMillis > 0 ? selector.select(waitMillis) : selector.selectNow();
        if (ready == 0) {
            return;
        }
        for (SelectionKey key : selector.selectedKeys()) {
            int s = (Integer) key.attachment();
            while (true) {
                receiveBuffer.clear();
                int n;
                try {
                    n = channels[s].read(receiveBuffer);
                } catch (PortUnreachableException e) {
                    // ICMP port unreachable: nobody listens (yet); the requests time out
                    bad++;
                    continue;
                }
                if (n <= 0) {
                    break;
                }
                receiveBuffer.flip();
                receiveBuffer.get(in, 0, n);
                int length = n >= 20 ? ((in[2] & 0xFF) << 8) | (in[3] & 0xFF) : 0;
                if (length < 20 || length > n) {
                    bad++;
                    continue;
                }
                receiver.packet(s, in, length);
            }
        }
        selector.selectedKeys().clear();
    }

    /** Datagrams too short for their Length, and port-unreachable errors, since the last call; resets the count. */
    long takeBad() {
        long b = bad;
        bad = 0;
        return b;
    }

    @Override
    public void close() throws IOException {
        selector.close();
        for (DatagramChannel ch : channels) {
            if (ch != null) {
                ch.close();
            }
        }
    }
}
