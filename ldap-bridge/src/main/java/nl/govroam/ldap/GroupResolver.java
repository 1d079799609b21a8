package nl.govroam.ldap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;

/**
 * The DNs of the user's groups: one subtree search under the group base with the rendered group filter when a
 * group base is configured, else the {@code memberOf} values of the user entry.
 */
final class GroupResolver {
    /** A bound on what one search may return; a user in more groups than this is a directory to fix. */
    private static final long MAX_GROUPS = 1000;

    private final Optional<String> groupBaseDn;
    private final FilterTemplate groupFilter;

    GroupResolver(DirectorySettings settings) {
        this.groupBaseDn = settings.groupBaseDn();
        this.groupFilter = new FilterTemplate(settings.groupFilter());
    }

    CompletableFuture<List<String>> groupsOf(DirectorySearch search, LoopPool.Lease lease, UserEntry user,
            LoginName login) {
        if (groupBaseDn.isEmpty()) {
            return CompletableFuture.completedFuture(user.memberOf());
        }
        String filter = groupFilter.render(Map.of("dn", user.dn(), "user", login.user()));
        return search.run(lease, groupBaseDn.get(), SearchScope.SUBTREE, filter, MAX_GROUPS, List.of())
                .thenApply(result -> {
                    if (result.resultCode() != ResultCodeEnum.SUCCESS) {
                        throw search.unexpected("group search under " + groupBaseDn.get(), result.resultCode())
                                .unchecked();
                    }
                    return result.entries().stream().map(Entry::getDn).map(dn -> dn.getName()).toList();
                });
    }
}
