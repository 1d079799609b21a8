package nl.govroam.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * Finds the user's entry with the service account: a subtree search under the user base with the rendered user
 * filter and a size limit of two, because two matches are already one too many.
 */
final class UserSearch {
    static final String MEMBER_OF = "memberOf";

    /** Found exactly one entry, or the reason there is none. */
    sealed interface Result {
    }

    record Found(UserEntry entry) implements Result {
    }

    record NotFound(AuthOutcome.Rejected rejection) implements Result {
    }

    private final String userBaseDn;
    /** Parsed on first use, then kept: the same base for every search. */
    private volatile Dn userBase;
    private final FilterTemplate userFilter;
    private final List<String> attributes;
    private final java.util.Optional<String> ntHashAttribute;

    UserSearch(DirectorySettings settings) {
        this.userBaseDn = settings.userBaseDn();
        this.userFilter = new FilterTemplate(settings.userFilter());
        List<String> wanted = new ArrayList<>();
        if (settings.groupBaseDn().isEmpty()) {
            wanted.add(MEMBER_OF);
        }
        settings.ntHashAttribute().ifPresent(wanted::add);
        this.attributes = List.copyOf(wanted);
        this.ntHashAttribute = settings.ntHashAttribute();
    }

    CompletableFuture<Result> find(DirectorySearch search, LoopPool.Lease lease, LoginName login) {
        String filter = userFilter.render(Map.of("user", login.user(), "realm", login.realm(), "nai", login.nai()));
        Dn base;
        try {
            base = userBase();
        } catch (ServerCallFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return search.run(lease, base, SearchScope.SUBTREE, filter, 2, attributes)
                .thenApply(result -> interpret(search, result));
    }

    private Result interpret(DirectorySearch search, DirectorySearch.Result result) {
        List<Entry> entries = result.entries();
        if (entries.size() > 1 || result.resultCode() == ResultCodeEnum.SIZE_LIMIT_EXCEEDED) {
            return new NotFound(new AuthOutcome.Rejected(RejectReason.AMBIGUOUS_USER,
                    "more than one entry matches the user filter under " + userBaseDn));
        }
        if (result.resultCode() != ResultCodeEnum.SUCCESS) {
            throw search.unexpected("user search under " + userBaseDn, result.resultCode()).unchecked();
        }
        if (entries.isEmpty()) {
            return new NotFound(new AuthOutcome.Rejected(RejectReason.UNKNOWN_USER,
                    "no entry matches the user filter under " + userBaseDn));
        }
        Entry entry = entries.get(0);
        java.util.Optional<NtHash> ntHash = ntHashAttribute.map(entry::get).map(Attribute::get)
                .flatMap(value -> NtHash.parse(value.isHumanReadable()
                        ? value.getString().getBytes(java.nio.charset.StandardCharsets.US_ASCII) : value.getBytes()));
        return new Found(new UserEntry(entry.getDn().getName(), stringValues(entry.get(MEMBER_OF)), ntHash));
    }

    private Dn userBase() throws ServerCallFailure {
        Dn base = userBase;
        if (base == null) {
            base = DirectorySearch.parse(userBaseDn);
            userBase = base;
        }
        return base;
    }

    static List<String> stringValues(Attribute attribute) {
        List<String> values = new ArrayList<>();
        if (attribute != null) {
            for (Value value : attribute) {
                values.add(value.getString());
            }
        }
        return values;
    }
}
