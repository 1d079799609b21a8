package nl.govroam.ldap;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves a directory's host name on a virtual thread, never on the event loop: Netty's default resolver calls
 * {@link InetAddress#getAllByName} on the loop that connects, and a slow or dead DNS server would then stall every
 * RADIUS request on that loop. IP literals cost nothing either way; the JDK's own cache still applies.
 */
final class OffLoopResolver extends AddressResolverGroup<InetSocketAddress> {
    static final OffLoopResolver INSTANCE = new OffLoopResolver();

    private OffLoopResolver() {
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new InetSocketAddressResolver(executor, new VirtualThreadNameResolver(executor));
    }

    private static final class VirtualThreadNameResolver extends InetNameResolver {
        VirtualThreadNameResolver(EventExecutor executor) {
            super(executor);
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            Thread.ofVirtual().name("ldap-resolve").start(() -> {
                try {
                    promise.trySuccess(InetAddress.getByName(host));
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            Thread.ofVirtual().name("ldap-resolve").start(() -> {
                try {
                    promise.trySuccess(Arrays.asList(InetAddress.getAllByName(host)));
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }
    }
}
