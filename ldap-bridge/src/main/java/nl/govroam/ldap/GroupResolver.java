package nl.govroam.ldap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    List<String> groupsOf(DirectorySearch search, ConnectionPool.Lease lease, UserEntry user, LoginName login)
            throws ServerCallFailure {
        if (groupBaseDn.isEmpty()) {
            return user.memberOf();
        }
        String filter = groupFilter.render(Map.of("dn", user.dn(), "user", login.user()));
        DirectorySearch.Result result = search.run(lease, groupBaseDn.get(), SearchScope.SUBTREE, filter, MAX_GROUPS,
                List.of());
        if (result.resultCode() != ResultCodeEnum.SUCCESS) {
            throw search.unexpected("group search under " + groupBaseDn.get(), result.resultCode());
        }
        return result.entries().stream().map(Entry::getDn).map(dn -> dn.getName()).toList();
    }
}
