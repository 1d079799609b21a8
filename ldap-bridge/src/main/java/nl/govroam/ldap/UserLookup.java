package nl.govroam.ldap;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a decision needs from the service connection, in one lease of a pipelined search connection: the
 * user search, then the groups and the disabled-filter check.
 */
final class UserLookup {

    /** The user with what the account policy needs, or the reason there is none. */
    sealed interface Result {
    }

    record User(UserEntry entry, List<String> groups, boolean matchesDisabledFilter) implements Result {
    }

    record NotFound(AuthOutcome.Rejected rejection) implements Result {
    }

    private final DirectorySettings settings;
    private final UserSearch userSearch;
    private final GroupResolver groupResolver;
    private final DisabledFilterCheck disabledFilterCheck;

    UserLookup(DirectorySettings settings) {
        this.settings = settings;
        this.userSearch = new UserSearch(settings);
        this.groupResolver = new GroupResolver(settings);
        this.disabledFilterCheck = new DisabledFilterCheck(settings);
    }

    CompletableFuture<Result> find(LdapServer server, LoopPool searchPool, LoginName login) {
        DirectorySearch search = new DirectorySearch(server.url(), settings.operationTimeout());
        return searchPool.acquire().thenCompose(lease -> userSearch.find(search, lease, login)
                .thenCompose(found -> {
                    if (found instanceof UserSearch.NotFound notFound) {
                        return CompletableFuture.<Result>completedFuture(new NotFound(notFound.rejection()));
                    }
                    UserEntry entry = ((UserSearch.Found) found).entry();
                    return groupResolver.groupsOf(search, lease, entry, login).thenCompose(groups ->
                            disabledFilterCheck.isDisabled(search, lease, entry, login)
                                    .thenApply(disabled -> (Result) new User(entry, groups, disabled)));
                })
                .whenComplete((result, error) -> lease.release()));
    }
}
