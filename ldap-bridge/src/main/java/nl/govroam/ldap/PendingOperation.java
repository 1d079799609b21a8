package nl.govroam.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.message.IntermediateResponse;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.SearchResultEntry;
import org.apache.directory.api.ldap.model.message.SearchResultReference;

/**
 * One request waiting for its response(s) on an {@link LdapChannel}, matched by message ID. Accessed on the
 * channel's event loop only.
 */
abstract sealed class PendingOperation<T> {
    final CompletableFuture<T> result = new CompletableFuture<>();

    /** Takes one response with this operation's message ID; true when it was the last one. */
    abstract boolean accept(Message response);

    final void fail(ServerCallFailure failure) {
        result.completeExceptionally(failure);
    }

    /** A search: SearchResultEntry* then SearchResultDone (RFC 4511 section 4.5.2); references are ignored. */
    static final class Search extends PendingOperation<DirectorySearch.Result> {
        private final List<Entry> entries = new ArrayList<>(2);

        @Override
        boolean accept(Message response) {
            switch (response) {
                case SearchResultEntry entry -> {
                    entries.add(entry.getEntry());
                    return false;
                }
                case SearchResultReference ignored -> {
                    return false;
                }
                case IntermediateResponse ignored -> {
                    return false;
                }
                case SearchResultDone done -> {
                    result.complete(new DirectorySearch.Result(entries, codeOf(done)));
                    return true;
                }
                default -> {
                    fail(ServerCallFailure.unreachable("unexpected " + response.getType() + " to a search"));
                    return true;
                }
            }
        }
    }

    /** A request with exactly one result response: a bind or an extended operation. */
    static final class Single extends PendingOperation<ResultCodeEnum> {
        @Override
        boolean accept(Message response) {
            if (response instanceof IntermediateResponse) {
                return false;
            }
            if (response instanceof ResultResponse answer) {
                result.complete(codeOf(answer));
            } else {
                fail(ServerCallFailure.unreachable("unexpected " + response.getType()));
            }
            return true;
        }
    }

    private static ResultCodeEnum codeOf(ResultResponse response) {
        LdapResult ldapResult = response.getLdapResult();
        return ldapResult == null || ldapResult.getResultCode() == null ? ResultCodeEnum.OTHER
                : ldapResult.getResultCode();
    }
}
