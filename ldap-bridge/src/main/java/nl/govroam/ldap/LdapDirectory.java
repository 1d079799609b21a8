package nl.govroam.ldap;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory over Netty and the Apache Directory LDAP API's codec: the user search, groups and disabled check on a
 * pipelined service connection, the password check on an exclusive user-bind connection, then the account policy;
 * all of it on the first server that answers, and all of it on one event loop of the directory's group: the
 * caller's own loop when it is one of them, else the next loop of the group.
 */
final class LdapDirectory implements DirectoryAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);
    private static final Duration BLOCKING_MARGIN = Duration.ofSeconds(1);

    private final String name;
    private final List<LdapServer> servers;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final EventLoop[] loops;
    private final ServerFailover failover;
    private final DeadServerProbe probe;
    private final UserLookup userLookup;
    private final AccountPolicy policy;
    private final Duration blockingBound;
    private final boolean providesNtHash;

    LdapDirectory(DirectorySettings settings, List<LdapServer> servers, EventLoopGroup group, boolean ownsGroup) {
        this.name = settings.name();
        this.servers = List.copyOf(servers);
        this.group = group;
        this.ownsGroup = ownsGroup;
        List<EventLoop> all = new ArrayList<>();
        for (EventExecutor executor : group) {
            all.add((EventLoop) executor);
        }
        this.loops = all.toArray(EventLoop[]::new);
        this.failover = new ServerFailover(name, this.servers);
        this.userLookup = new UserLookup(settings);
        this.policy = new AccountPolicy(settings);
        this.providesNtHash = settings.ntHashAttribute().isPresent();
        this.blockingBound = blockingBound(settings);
        this.probe = new DeadServerProbe(name, this.servers, settings.deadServerRetry(), group);
    }

    /**
     * What a blocking call waits at most: per server tried, a search-pool wait, a connect with StartTLS and service
     * bind, the searches, a bind-pool wait, a connect with StartTLS and the user bind; plus a margin. The
     * asynchronous path has its own timers; this only keeps a blocked caller from waiting forever on a bug.
     */
    private static Duration blockingBound(DirectorySettings settings) {
        Duration perServer = settings.poolMaxWait().plus(settings.connectTimeout()).multipliedBy(2)
                .plus(settings.operationTimeout().multipliedBy(7));
        return perServer.multipliedBy(settings.urls().size()).plus(BLOCKING_MARGIN);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<AuthOutcome> authenticateAsync(LoginName login, char[] password) {
        byte[] credentials = password == null || password.length == 0 ? null : ChannelOpener.utf8(password);
        CompletableFuture<AuthOutcome> outcome = onLoop(loop -> credentials == null
                ? CompletableFuture.completedFuture(new AuthOutcome.Rejected(RejectReason.EMPTY_PASSWORD, "empty password"))
                : failover.run(server -> check(loop, server, login, credentials)));
        if (credentials != null) {
            outcome.whenComplete((done, error) -> Arrays.fill(credentials, (byte) 0));
        }
        return outcome;
    }

    @Override
    public CompletionStage<AuthOutcome> lookupAsync(LoginName login) {
        return onLoop(loop -> failover.run(server -> check(loop, server, login, null)));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when called on one of this directory's event loops, where waiting would
     *                               deadlock: use {@link #authenticateAsync} there
     */
    @Override
    public AuthOutcome authenticate(LoginName login, char[] password) {
        refuseOwnLoop();
        return await(authenticateAsync(login, password));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when called on one of this directory's event loops (see {@link #authenticate})
     */
    @Override
    public AuthOutcome lookup(LoginName login) {
        refuseOwnLoop();
        return await(lookupAsync(login));
    }

    private void refuseOwnLoop() {
        if (callerLoop() != null) {
            throw new IllegalStateException("directory " + name + ": a blocking call on the directory's own event loop"
                    + " would deadlock; use authenticateAsync/lookupAsync");
        }
    }

    private AuthOutcome await(CompletionStage<AuthOutcome> stage) {
        try {
            return stage.toCompletableFuture().get(blockingBound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AuthOutcome.Unavailable("interrupted while waiting for directory " + name);
        } catch (TimeoutException e) {
            return new AuthOutcome.Unavailable("directory " + name + " gave no outcome within "
                    + blockingBound.toMillis() + " ms");
        } catch (ExecutionException e) {
            return internalError(e.getCause());
        }
    }

    /** Runs {@code work} on the caller's loop if it is one of ours, else hops onto the next loop of the group. */
    private CompletableFuture<AuthOutcome> onLoop(Function<EventLoop, CompletableFuture<AuthOutcome>> work) {
        EventLoop own = callerLoop();
        if (own != null) {
            return guarded(own, work);
        }
        CompletableFuture<AuthOutcome> outcome = new CompletableFuture<>();
        EventLoop loop = (EventLoop) group.next();
        try {
            loop.execute(() -> guarded(loop, work).whenComplete((answer, error) -> outcome.complete(answer)));
        } catch (RejectedExecutionException closed) {
            outcome.complete(new AuthOutcome.Unavailable("directory " + name + " is closed"));
        }
        return outcome;
    }

    private CompletableFuture<AuthOutcome> guarded(EventLoop loop, Function<EventLoop, CompletableFuture<AuthOutcome>> work) {
        try {
            return work.apply(loop).exceptionally(this::internalError);
        } catch (RuntimeException | LinkageError e) {
            return CompletableFuture.completedFuture(internalError(e));
        }
    }

    private AuthOutcome internalError(Throwable e) {
        LOG.warn("directory {}: unexpected failure: {}", name, ServerCallFailure.describe(e));
        return new AuthOutcome.Unavailable("internal error in directory " + name + ": " + e.getClass().getSimpleName());
    }

    private EventLoop callerLoop() {
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                return loop;
            }
        }
        return null;
    }

    private CompletableFuture<AuthOutcome> check(EventLoop loop, LdapServer server, LoginName login, byte[] password) {
        LdapServer.LoopPools pools = server.pools(loop);
        return userLookup.find(server, pools.search(), login).thenCompose(found -> {
            if (found instanceof UserLookup.NotFound notFound) {
                return CompletableFuture.completedFuture(notFound.rejection());
            }
            UserLookup.User user = (UserLookup.User) found;
            if (password == null) {
                return CompletableFuture.completedFuture(decide(user));
            }
            return UserBind.check(server, pools.bind(), user.entry().dn(), password)
                    .thenApply(wrongPassword -> wrongPassword.isPresent() ? wrongPassword.get() : decide(user));
        });
    }

    private AuthOutcome decide(UserLookup.User user) {
        AuthOutcome decided = policy.decide(user.entry().dn(), user.groups(), user.matchesDisabledFilter());
        Optional<NtHash> ntHash = user.entry().ntHash();
        if (decided instanceof AuthOutcome.Accepted accepted && ntHash.isPresent()) {
            return new AuthOutcome.Accepted(accepted.userDn(), accepted.groups(), accepted.vlan(), ntHash);
        }
        return decided;
    }

    /** The configured server at {@code index}, for tests that need to hold one of its connections. */
    LdapServer server(int index) {
        return servers.get(index);
    }

    @Override
    public boolean providesNtHash() {
        return providesNtHash;
    }

    @Override
    public List<ServerHealth> health() {
        return servers.stream().map(server -> server.breaker().health()).toList();
    }

    @Override
    public void close() {
        probe.close();
        servers.forEach(LdapServer::close);
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        servers.forEach(LdapServer::clear);
    }

    @Override
    public String toString() {
        return "LdapDirectory[" + name + ", " + servers.stream().map(LdapServer::url).toList() + "]";
    }
}
