package nl.govroam.ldap;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory over the Apache Directory LDAP API: the user search, groups and disabled check on a service
 * connection, the password check on a user-bind connection, then the account policy; all of it on the first
 * server that answers.
 */
final class LdapDirectory implements DirectoryAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(LdapDirectory.class);

    private final String name;
    private final List<LdapServer> servers;
    private final ServerFailover failover;
    private final DeadServerProbe probe;
    private final UserSearch userSearch;
    private final GroupResolver groupResolver;
    private final DisabledFilterCheck disabledFilterCheck;
    private final AccountPolicy policy;
    private final java.time.Duration operationTimeout;
    private final boolean providesNtHash;

    LdapDirectory(DirectorySettings settings, List<LdapServer> servers) {
        this.name = settings.name();
        this.servers = List.copyOf(servers);
        this.failover = new ServerFailover(name, this.servers);
        this.userSearch = new UserSearch(settings);
        this.groupResolver = new GroupResolver(settings);
        this.disabledFilterCheck = new DisabledFilterCheck(settings);
        this.policy = new AccountPolicy(settings);
        this.operationTimeout = settings.operationTimeout();
        this.providesNtHash = settings.ntHashAttribute().isPresent();
        this.probe = new DeadServerProbe(name, this.servers, settings.deadServerRetry());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AuthOutcome authenticate(LoginName login, char[] password) {
        if (password == null || password.length == 0) {
            return new AuthOutcome.Rejected(RejectReason.EMPTY_PASSWORD, "empty password");
        }
        return guarded(() -> failover.run(server -> check(server, login, Optional.of(password))));
    }

    @Override
    public AuthOutcome lookup(LoginName login) {
        return guarded(() -> failover.run(server -> check(server, login, Optional.empty())));
    }

    private AuthOutcome check(LdapServer server, LoginName login, Optional<char[]> password) throws ServerCallFailure {
        DirectorySearch search = new DirectorySearch(server.url(), operationTimeout);
        UserEntry user;
        List<String> groups;
        boolean matchesDisabledFilter;
        try (ConnectionPool.Lease lease = server.searchPool().borrow()) {
            UserSearch.Result found = userSearch.find(search, lease, login);
            if (found instanceof UserSearch.NotFound notFound) {
                return notFound.rejection();
            }
            user = ((UserSearch.Found) found).entry();
            groups = groupResolver.groupsOf(search, lease, user, login);
            matchesDisabledFilter = disabledFilterCheck.isDisabled(search, lease, user, login);
        }
        if (password.isPresent()) {
            Optional<AuthOutcome.Rejected> wrongPassword = UserBind.check(server, user.dn(), password.get());
            if (wrongPassword.isPresent()) {
                return wrongPassword.get();
            }
        }
        AuthOutcome decided = policy.decide(user.dn(), groups, matchesDisabledFilter);
        if (decided instanceof AuthOutcome.Accepted accepted && user.ntHash().isPresent()) {
            return new AuthOutcome.Accepted(accepted.userDn(), accepted.groups(), accepted.vlan(), user.ntHash());
        }
        return decided;
    }

    @Override
    public boolean providesNtHash() {
        return providesNtHash;
    }

    private AuthOutcome guarded(java.util.function.Supplier<AuthOutcome> call) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("directory {}: unexpected failure: {}", name, ServerCallFailure.describe(e));
            return new AuthOutcome.Unavailable("internal error in directory " + name + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public List<ServerHealth> health() {
        return servers.stream().map(server -> server.breaker().health()).toList();
    }

    @Override
    public void close() {
        probe.close();
        servers.forEach(LdapServer::close);
    }

    @Override
    public String toString() {
        return "LdapDirectory[" + name + ", " + servers.stream().map(LdapServer::url).toList() + "]";
    }
}
