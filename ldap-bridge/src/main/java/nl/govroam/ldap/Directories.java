package nl.govroam.ldap;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;

/** Opens directories. */
public final class Directories {
    private Directories() {
    }

    /**
     * Opens a directory on its own event loop (one thread, named {@code ldap-NAME}), shut down by
     * {@link DirectoryAuthenticator#close()}.
     *
     * @see #open(DirectorySettings, EventLoopGroup)
     */
    public static DirectoryAuthenticator open(DirectorySettings settings) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("ldap-" + settings.name(), true), NioIoHandler.newFactory());
        try {
            return open(settings, group, true);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Opens a directory whose connections live on {@code group} (NIO or epoll); the caller keeps owning the group
     * and shuts it down after closing the directory. Connections are made lazily (the service starts even when the
     * directory is down), per event loop of the group, and the dead-server probe is started.
     *
     * <p>An asynchronous call made on one of the group's loops runs entirely on that loop, on connections
     * registered there, and completes there; a call from any other thread hops onto the group's next loop.
     * A blocking call on one of the group's loops throws {@link IllegalStateException} (it would deadlock).
     *
     * @throws IllegalArgumentException when a URL is not {@code ldap://} or {@code ldaps://}, or the CA file cannot
     *                                  be read (configuration errors, not directory failures)
     */
    public static DirectoryAuthenticator open(DirectorySettings settings, EventLoopGroup group) {
        return open(settings, group, false);
    }

    private static DirectoryAuthenticator open(DirectorySettings settings, EventLoopGroup group, boolean ownsGroup) {
        TrustManager[] trustManagers = CaTrust.trustManagers(settings.caFile());
        var channelType = SocketChannels.forGroup(group);
        List<LdapServer> servers = new ArrayList<>();
        for (URI url : settings.urls()) {
            ChannelOpener opener = new ChannelOpener(url, settings, trustManagers, channelType);
            servers.add(new LdapServer(opener, new CircuitBreaker(settings.name(), opener.url(), Clock.systemUTC()),
                    settings, group));
        }
        return new LdapDirectory(settings, servers, group, ownsGroup);
    }
}
