package nl.govroam.ldap;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchRequestImpl;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * One search on a leased (possibly shared, pipelined) connection, read to its SearchResultDone. A filter or base DN that does not parse,
 * or an error result, is {@link ServerCallFailure.Kind#DIRECTORY_ERROR}; no answer in time is
 * {@link ServerCallFailure.Kind#UNREACHABLE}.
 */
final class DirectorySearch {
    /** Requests no attributes at all (RFC 4511 section 4.5.1.8). */
    static final String NO_ATTRIBUTES = "1.1";

    /** What came back: the entries and the final result code (sizeLimitExceeded included). */
    record Result(List<Entry> entries, ResultCodeEnum resultCode) {
    }

    private final String url;
    private final int timeLimitSeconds;

    DirectorySearch(String url, Duration operationTimeout) {
        this.url = url;
        this.timeLimitSeconds = (int) Math.max(1, (operationTimeout.toMillis() + 999) / 1000);
    }

    CompletableFuture<Result> run(LoopPool.Lease lease, String baseDn, SearchScope scope, String filter,
            long sizeLimit, List<String> attributes) {
        try {
            return run(lease, parse(baseDn), scope, filter, sizeLimit, attributes);
        } catch (ServerCallFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * Sends the search on the lease's connection; the stage completes on its event loop with the entries and the
     * final result code, or fails with a {@link ServerCallFailure}.
     */
    CompletableFuture<Result> run(LoopPool.Lease lease, Dn base, SearchScope scope, String filter, long sizeLimit,
            List<String> attributes) {
        SearchRequest request;
        try {
            request = request(base, scope, filter, sizeLimit, attributes);
        } catch (ServerCallFailure failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return lease.connection().send(request, new PendingOperation.Search(), false);
    }

    /** A base DN parsed once; one that does not parse is {@link ServerCallFailure.Kind#DIRECTORY_ERROR}. */
    static Dn parse(String baseDn) throws ServerCallFailure {
        try {
            return new Dn(baseDn);
        } catch (LdapException | RuntimeException e) {
            throw invalid(baseDn, e);
        }
    }

    private SearchRequest request(Dn base, SearchScope scope, String filter, long sizeLimit,
            List<String> attributes) throws ServerCallFailure {
        try {
            SearchRequest request = new SearchRequestImpl()
                    .setBase(base)
                    .setScope(scope)
                    .setFilter(filter)
                    .setSizeLimit(sizeLimit)
                    .setTimeLimit(timeLimitSeconds)
                    .setDerefAliases(AliasDerefMode.NEVER_DEREF_ALIASES)
                    .setTypesOnly(false);
            request.addAttributes(attributes.isEmpty() ? new String[] {NO_ATTRIBUTES} : attributes.toArray(String[]::new));
            return request;
        } catch (LdapException | RuntimeException e) {
            throw invalid(base.getName(), e);
        }
    }

    private static ServerCallFailure invalid(String baseDn, Exception e) {
        return ServerCallFailure.directoryError("invalid search (base " + baseDn + "): " + ServerCallFailure.describe(e));
    }

    /** A non-success result that the caller did not expect: the server answered, so the breaker stays closed. */
    ServerCallFailure unexpected(String what, ResultCodeEnum code) {
        return ServerCallFailure.directoryError(url + ": " + what + " failed: " + code.getMessage());
    }
}
