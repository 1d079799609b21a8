package nl.govroam.ldap;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The TCP channel type that fits a given event loop group: the server may hand us its epoll group, and a channel
 * registers only on loops of its own transport.
 */
final class SocketChannels {
    private SocketChannels() {
    }

    static Class<? extends Channel> forGroup(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io && isEpoll(io)) {
            return EpollSocketChannel.class;
        }
        return NioSocketChannel.class;
    }

    private static boolean isEpoll(IoEventLoopGroup group) {
        try {
            return group.isIoType(EpollIoHandler.class);
        } catch (LinkageError noEpollClasses) {
            return false;
        }
    }
}
