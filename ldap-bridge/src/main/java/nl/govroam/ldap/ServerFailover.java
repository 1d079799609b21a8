package nl.govroam.ldap;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call on the servers of a directory in configured order, skipping those whose breaker is open.
 * An unreachable server is marked down and the next one is tried within the same call; a refused service bind or
 * a busy pool moves on too; an error answer stops. The stage never fails: every failure is an
 * {@link AuthOutcome.Unavailable}.
 */
final class ServerFailover {
    private static final Logger LOG = LoggerFactory.getLogger(ServerFailover.class);

    /** The work to do on one server; fails with a {@link ServerCallFailure} when the server could not answer. */
    @FunctionalInterface
    interface Call {
        CompletableFuture<AuthOutcome> on(LdapServer server);
    }

    /** What went wrong so far in one call, for the final reason. */
    private static final class Failures {
        boolean tried;
        String first;
        String serviceBindRefusal;
    }

    private final String directory;
    private final List<LdapServer> servers;

    ServerFailover(String directory, List<LdapServer> servers) {
        this.directory = directory;
        this.servers = List.copyOf(servers);
    }

    CompletableFuture<AuthOutcome> run(Call call) {
        return attempt(call, 0, new Failures());
    }

    private CompletableFuture<AuthOutcome> attempt(Call call, int from, Failures failures) {
        for (int index = from; index < servers.size(); index++) {
            LdapServer server = servers.get(index);
            if (!server.breaker().isUp()) {
                continue;
            }
            failures.tried = true;
            int next = index + 1;
            CompletableFuture<AuthOutcome> outcome;
            try {
                outcome = call.on(server);
            } catch (RuntimeException e) {
                outcome = CompletableFuture.failedFuture(e);
            }
            return outcome.handle((answer, error) -> error == null ? CompletableFuture.completedFuture(answer)
                            : afterFailure(call, server, next, error, failures))
                    .thenCompose(stage -> stage);
        }
        if (!failures.tried) {
            return CompletableFuture.completedFuture(
                    new AuthOutcome.Unavailable("every server of directory " + directory + " is down"));
        }
        // a refused service bind is a configuration error the admin must see, whatever else failed
        return CompletableFuture.completedFuture(new AuthOutcome.Unavailable(
                failures.serviceBindRefusal != null ? failures.serviceBindRefusal : failures.first));
    }

    private CompletableFuture<AuthOutcome> afterFailure(Call call, LdapServer server, int next, Throwable error,
            Failures failures) {
        ServerCallFailure failure = ServerCallFailure.of(error);
        if (failure == null) {
            LOG.warn("directory {}: unexpected failure: {}", directory, ServerCallFailure.describe(error));
            return CompletableFuture.completedFuture(new AuthOutcome.Unavailable("internal error in directory "
                    + directory + ": " + error.getClass().getSimpleName()));
        }
        switch (failure.kind()) {
            case UNREACHABLE -> server.markDown(failure.reason());
            case DIRECTORY_ERROR -> {
                return CompletableFuture.completedFuture(new AuthOutcome.Unavailable(failure.reason()));
            }
            case SERVICE_BIND_REFUSED, BUSY -> LOG.debug("directory {}: {}", directory, failure.reason());
        }
        if (failure.kind() == ServerCallFailure.Kind.SERVICE_BIND_REFUSED && failures.serviceBindRefusal == null) {
            failures.serviceBindRefusal = failure.reason();
        }
        if (failures.first == null) {
            failures.first = failure.reason();
        }
        return attempt(call, next, failures);
    }
}
