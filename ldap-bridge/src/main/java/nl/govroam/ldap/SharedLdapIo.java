package nl.govroam.ldap;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.directory.api.ldap.codec.api.LdapApiServiceFactory;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;
import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.SocketSessionConfig;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * One MINA I/O processor (selector thread) shared by all connections to one server, instead of the Apache LDAP
 * API's default of a processor thread per connection. With 16 connections that is 16 selector threads each woken
 * for every request and every response; one shared selector serves the ready connections of a wakeup together
 * and takes the thread hand-offs from 16 threads down to one.
 *
 * <p>Each connection still gets its own connector (the connection is the connector's handler), set up as the API
 * would: TCP_NODELAY, SO_REUSEADDR, the LDAP codec filter. Connections that use ldaps keep the API's own
 * connector, because its TLS filter is added only there.
 */
final class SharedLdapIo implements AutoCloseable {
    private static final String CODEC_FILTER = "ldapCodec";

    private final ExecutorService threads;
    private final SimpleIoProcessorPool<NioSession> processor;

    /** {@code name} names the selector threads ({@code ldap-io-NAME-0}), so thread dumps and bench/thread-cpu say what they are. */
    SharedLdapIo(String name, int threadCount) {
        this.threads = Executors.newCachedThreadPool(Thread.ofPlatform().name("ldap-io-" + name + "-", 0).factory());
        this.processor = new SimpleIoProcessorPool<>(NioProcessor.class, threads, threadCount, null);
    }

    /** Gives a not yet connected connection a connector on the shared processor. */
    void attach(LdapNetworkConnection connection) {
        NioSocketConnector connector = new NioSocketConnector(null, processor);
        SocketSessionConfig session = connector.getSessionConfig();
        session.setReuseAddress(true);
        session.setTcpNoDelay(true);
        connector.getFilterChain().addLast(CODEC_FILTER,
                new ProtocolCodecFilter(LdapApiServiceFactory.getSingleton().getProtocolCodecFactory()));
        connector.setHandler(connection);
        connection.setConnector(connector);
    }

    @Override
    public void close() {
        processor.dispose();
        threads.shutdown();
    }
}
