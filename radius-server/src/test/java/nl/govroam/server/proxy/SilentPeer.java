package nl.govroam.server.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A peer that is down but still listening: records every datagram it receives and never answers. */
final class SilentPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<byte[]> received = new ArrayList<>();
    private final Thread reader;

    SilentPeer() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        reader = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[4096];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (IOException closed) {
                    return;
                }
                synchronized (received) {
                    received.add(Arrays.copyOf(p.getData(), p.getLength()));
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    List<byte[]> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
