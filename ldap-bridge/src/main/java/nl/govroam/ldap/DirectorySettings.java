package nl.govroam.ldap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach and read one municipality's directory.
 *
 * <p>Filter templates take the placeholders {@code {user}}, {@code {realm}} and {@code {nai}} (user filter)
 * and {@code {dn}} and {@code {user}} (group filter); every value is escaped per RFC 4515 before it is put in,
 * so {@code *}, {@code (}, {@code )}, {@code \} and NUL can never widen a search.
 *
 * @param name                 the configured name, used in logs
 * @param urls                 one or more {@code ldap://} or {@code ldaps://} URLs, tried in order; a dead one is skipped until a probe finds it back
 * @param startTls             upgrade {@code ldap://} connections with StartTLS
 * @param caFile               PEM file of CA certificates to trust for ldaps/StartTLS; empty = the JVM's default trust store
 * @param bindDn               the service account's DN
 * @param bindPassword         the service account's password (never logged; {@link #toString} redacts it)
 * @param userBaseDn           where users are searched (subtree)
 * @param userFilter           e.g. {@code (&(objectClass=inetOrgPerson)(uid={user}))}
 * @param disabledGroupDn      members of this group are disabled
 * @param disabledFilter       a user entry matching this filter is disabled, e.g. {@code (pwdAccountLockedTime=*)}
 * @param requiredGroupDn      if present, only members of this group are accepted
 * @param groupBaseDn          if present, groups are found by searching here with {@code groupFilter};
 *                             otherwise from the user entry's {@code memberOf} attribute
 * @param groupFilter          e.g. {@code (|(member={dn})(uniqueMember={dn})(memberUid={user}))}
 * @param vlans                group to VLAN mappings, first match wins
 * @param ntHashAttribute      attribute holding the NT hash (for MSCHAPv2), e.g. {@code sambaNTPassword}; empty = none
 * @param connectTimeout       TCP connect + TLS handshake bound
 * @param operationTimeout     bound on each search or bind
 * @param poolMaxWait          how long a call waits for room on a connection before that server counts as busy
 *                             (the next server is tried; with none left the answer is Unavailable)
 * @param poolSize             per server and per event loop: the number of user-bind connections (each carries one
 *                             bind at a time, RFC 4511 section 4.2.1); the service-account connections for searches
 *                             are pipelined, {@code min(poolSize, 2)} of them, each carrying at most
 *                             {@code 4 * poolSize} authentications' searches at a time
 * @param deadServerRetry      how often a dead server is probed
 */
public record DirectorySettings(
        String name,
        List<URI> urls,
        boolean startTls,
        Optional<Path> caFile,
        String bindDn,
        char[] bindPassword,
        String userBaseDn,
        String userFilter,
        Optional<String> disabledGroupDn,
        Optional<String> disabledFilter,
        Optional<String> requiredGroupDn,
        Optional<String> groupBaseDn,
        String groupFilter,
        List<VlanMapping> vlans,
        Optional<String> ntHashAttribute,
        Duration connectTimeout,
        Duration operationTimeout,
        Duration poolMaxWait,
        int poolSize,
        Duration deadServerRetry) {

    public static final String DEFAULT_USER_FILTER = "(uid={user})";
    public static final String DEFAULT_GROUP_FILTER = "(|(member={dn})(uniqueMember={dn}))";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_POOL_MAX_WAIT = Duration.ofSeconds(1);
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final Duration DEFAULT_DEAD_SERVER_RETRY = Duration.ofSeconds(10);

    public DirectorySettings {
        Objects.requireNonNull(name, "name");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("directory " + name + ": at least one URL");
        }
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(bindDn, "bindDn");
        bindPassword = bindPassword.clone();
        Objects.requireNonNull(userBaseDn, "userBaseDn");
        Objects.requireNonNull(userFilter, "userFilter");
        Objects.requireNonNull(disabledGroupDn, "disabledGroupDn");
        Objects.requireNonNull(disabledFilter, "disabledFilter");
        Objects.requireNonNull(requiredGroupDn, "requiredGroupDn");
        Objects.requireNonNull(groupBaseDn, "groupBaseDn");
        Objects.requireNonNull(groupFilter, "groupFilter");
        vlans = List.copyOf(vlans);
        Objects.requireNonNull(ntHashAttribute, "ntHashAttribute");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(poolMaxWait, "poolMaxWait");
        Objects.requireNonNull(deadServerRetry, "deadServerRetry");
        if (poolSize < 1) {
            throw new IllegalArgumentException("directory " + name + ": pool size must be at least 1");
        }
    }

    /** A copy of the service account's password; the caller clears it after use. */
    @Override
    public char[] bindPassword() {
        return bindPassword.clone();
    }

    /** Starts settings with every optional part at its default. */
    public static Builder builder(String name, List<URI> urls, String bindDn, char[] bindPassword, String userBaseDn) {
        return new Builder(name, urls, bindDn, bindPassword, userBaseDn);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectorySettings other
                && name.equals(other.name) && urls.equals(other.urls) && startTls == other.startTls
                && caFile.equals(other.caFile) && bindDn.equals(other.bindDn)
                && java.util.Arrays.equals(bindPassword, other.bindPassword)
                && userBaseDn.equals(other.userBaseDn) && userFilter.equals(other.userFilter)
                && disabledGroupDn.equals(other.disabledGroupDn) && disabledFilter.equals(other.disabledFilter)
                && requiredGroupDn.equals(other.requiredGroupDn) && groupBaseDn.equals(other.groupBaseDn)
                && groupFilter.equals(other.groupFilter) && vlans.equals(other.vlans)
                && ntHashAttribute.equals(other.ntHashAttribute) && connectTimeout.equals(other.connectTimeout)
                && operationTimeout.equals(other.operationTimeout) && poolMaxWait.equals(other.poolMaxWait)
                && poolSize == other.poolSize && deadServerRetry.equals(other.deadServerRetry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, urls, bindDn, userBaseDn);
    }

    @Override
    public String toString() {
        return "DirectorySettings[name=" + name + ", urls=" + urls + ", startTls=" + startTls
                + ", bindDn=" + bindDn + ", bindPassword=<redacted>, userBaseDn=" + userBaseDn
                + ", userFilter=" + userFilter + "]";
    }

    /** Fluent construction with the defaults above; used by the config binder and by tests. */
    public static final class Builder {
        private final String name;
        private final List<URI> urls;
        private final String bindDn;
        private final char[] bindPassword;
        private final String userBaseDn;
        private boolean startTls;
        private Optional<Path> caFile = Optional.empty();
        private String userFilter = DEFAULT_USER_FILTER;
        private Optional<String> disabledGroupDn = Optional.empty();
        private Optional<String> disabledFilter = Optional.empty();
        private Optional<String> requiredGroupDn = Optional.empty();
        private Optional<String> groupBaseDn = Optional.empty();
        private String groupFilter = DEFAULT_GROUP_FILTER;
        private List<VlanMapping> vlans = List.of();
        private Optional<String> ntHashAttribute = Optional.empty();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
        private Duration poolMaxWait = DEFAULT_POOL_MAX_WAIT;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration deadServerRetry = DEFAULT_DEAD_SERVER_RETRY;

        private Builder(String name, List<URI> urls, String bindDn, char[] bindPassword, String userBaseDn) {
            this.name = name;
            this.urls = urls;
            this.bindDn = bindDn;
            this.bindPassword = bindPassword.clone();
            this.userBaseDn = userBaseDn;
        }

        public Builder startTls(boolean v) { startTls = v; return this; }
        public Builder caFile(Path v) { caFile = Optional.ofNullable(v); return this; }
        public Builder userFilter(String v) { userFilter = v; return this; }
        public Builder disabledGroupDn(String v) { disabledGroupDn = Optional.ofNullable(v); return this; }
        public Builder disabledFilter(String v) { disabledFilter = Optional.ofNullable(v); return this; }
        public Builder requiredGroupDn(String v) { requiredGroupDn = Optional.ofNullable(v); return this; }
        public Builder groupBaseDn(String v) { groupBaseDn = Optional.ofNullable(v); return this; }
        public Builder groupFilter(String v) { groupFilter = v; return this; }
        public Builder vlans(List<VlanMapping> v) { vlans = v; return this; }
        public Builder ntHashAttribute(String v) { ntHashAttribute = Optional.ofNullable(v); return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder operationTimeout(Duration v) { operationTimeout = v; return this; }
        public Builder poolMaxWait(Duration v) { poolMaxWait = v; return this; }
        public Builder poolSize(int v) { poolSize = v; return this; }
        public Builder deadServerRetry(Duration v) { deadServerRetry = v; return this; }

        public DirectorySettings build() {
            return new DirectorySettings(name, urls, startTls, caFile, bindDn, bindPassword, userBaseDn, userFilter,
                    disabledGroupDn, disabledFilter, requiredGroupDn, groupBaseDn, groupFilter, vlans,
                    ntHashAttribute, connectTimeout, operationTimeout, poolMaxWait, poolSize, deadServerRetry);
        }
    }
}
