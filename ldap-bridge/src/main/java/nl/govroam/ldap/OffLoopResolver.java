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
            offLoop(promise, () -> InetAddress.getByName(host));
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            offLoop(promise, () -> Arrays.asList(InetAddress.getAllByName(host)));
        }

        private static <T> void offLoop(Promise<T> promise, Lookup<T> lookup) {
            Thread.ofVirtual().name("ldap-resolve").start(() -> {
                try {
                    promise.trySuccess(lookup.run());
                } catch (UnknownHostException | RuntimeException e) {
                    promise.tryFailure(e);
                }
            });
        }
    }

    @FunctionalInterface
    private interface Lookup<T> {
        T run() throws UnknownHostException;
    }
}
