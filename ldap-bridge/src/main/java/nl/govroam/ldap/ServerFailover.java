package nl.govroam.ldap;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call on the servers of a directory in configured order, skipping those whose breaker is open.
 * An unreachable server is marked down and the next one is tried within the same call; a refused service bind or
 * a busy pool moves on too; an error answer stops. Nothing escapes as an exception.
 */
final class ServerFailover {
    private static final Logger LOG = LoggerFactory.getLogger(ServerFailover.class);

    /** The work to do on one server. */
    @FunctionalInterface
    interface Call {
        AuthOutcome on(LdapServer server) throws ServerCallFailure;
    }

    private final String directory;
    private final List<LdapServer> servers;

    ServerFailover(String directory, List<LdapServer> servers) {
        this.directory = directory;
        this.servers = List.copyOf(servers);
    }

    AuthOutcome run(Call call) {
        String firstFailure = null;
        String serviceBindRefusal = null;
        boolean tried = false;
        for (LdapServer server : servers) {
            if (!server.breaker().isUp()) {
                continue;
            }
            tried = true;
            try {
                return call.on(server);
            } catch (ServerCallFailure failure) {
                switch (failure.kind()) {
                    case UNREACHABLE -> server.markDown(failure.reason());
                    case DIRECTORY_ERROR -> {
                        return new AuthOutcome.Unavailable(failure.reason());
                    }
                    case SERVICE_BIND_REFUSED, BUSY -> LOG.debug("directory {}: {}", directory, failure.reason());
                }
                if (failure.kind() == ServerCallFailure.Kind.SERVICE_BIND_REFUSED && serviceBindRefusal == null) {
                    serviceBindRefusal = failure.reason();
                }
                if (firstFailure == null) {
                    firstFailure = failure.reason();
                }
            }
        }
        if (!tried) {
            return new AuthOutcome.Unavailable("every server of directory " + directory + " is down");
        }
        // a refused service bind is a configuration error the admin must see, whatever else failed
        return new AuthOutcome.Unavailable(serviceBindRefusal != null ? serviceBindRefusal : firstFailure);
    }
}
