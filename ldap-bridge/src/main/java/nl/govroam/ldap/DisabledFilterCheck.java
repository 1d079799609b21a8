package nl.govroam.ldap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;

/** Whether the user's entry matches the disabled filter: a base-scope search of the user DN with that filter. */
final class DisabledFilterCheck {
    private final Optional<FilterTemplate> disabledFilter;

    DisabledFilterCheck(DirectorySettings settings) {
        this.disabledFilter = settings.disabledFilter().map(FilterTemplate::new);
    }

    CompletableFuture<Boolean> isDisabled(DirectorySearch search, LoopPool.Lease lease, UserEntry user,
            LoginName login) {
        if (disabledFilter.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        String filter = disabledFilter.get().render(
                Map.of("user", login.user(), "realm", login.realm(), "nai", login.nai(), "dn", user.dn()));
        return search.run(lease, new ServerDn(user.dn()), SearchScope.OBJECT, filter, 1, List.of()).thenApply(result -> {
            if (result.resultCode() != ResultCodeEnum.SUCCESS
                    && result.resultCode() != ResultCodeEnum.SIZE_LIMIT_EXCEEDED) {
                throw search.unexpected("disabled-filter check", result.resultCode()).unchecked();
            }
            return !result.entries().isEmpty();
        });
    }
}
