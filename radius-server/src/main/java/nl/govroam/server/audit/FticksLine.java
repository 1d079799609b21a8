package nl.govroam.server.audit;

import java.util.Optional;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.FticksConfig;

/**
 * Formats one F-ticks line (federation-rules.md 1):
 * {@code F-TICKS/govroam/1.0#REALM=..#VISCOUNTRY=NL#VISINST=..#CSI=..#RESULT=OK#}, with {@code FEDID} when
 * configured. Never a user name. Values from the packet are escaped ({@code #}, {@code =}, {@code %}, whitespace
 * and control characters as {@code %XX}) so a hostile realm cannot add or change a field.
 */
final class FticksLine {
    static final String ROUTE_DIRECTORY_PREFIX = "directory:";

    private FticksLine() {
    }

    /**
     * The line for a decision, or empty when the decision is not reported: a decision without a reply, or a home
     * user at one of our own access points while only roaming is reported.
     *
     * @param clientOperator the configured operator domain of the client, for VISINST when nothing better is known
     */
    static Optional<String> of(AuthEvent e, FticksConfig config, String clientOperator) {
        if (e.result() == AuthEvent.Result.NO_REPLY) {
            return Optional.empty();
        }
        if (config.report() == FticksConfig.Report.ROAMING && !isRoaming(e)) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(160).append(config.prefix()).append('#');
        field(sb, "REALM", realmOf(e.outerUserName()));
        field(sb, "VISCOUNTRY", config.country());
        field(sb, "VISINST", visitedInstitution(e, config, clientOperator));
        field(sb, "CSI", CallingStationIds.write(e.callingStationId(), config.csi(), config.key()));
        config.federationId().ifPresent(id -> field(sb, "FEDID", id));
        field(sb, "RESULT", e.result() == AuthEvent.Result.ACCEPT ? "OK" : "FAIL");
        return Optional.of(sb.toString());
    }

    /** Visitors (a realm that is not ours) and our own users abroad (a request from a federation proxy). */
    static boolean isRoaming(AuthEvent e) {
        return e.clientRole() == ClientRole.FEDERATION || e.route() == null
                || !e.route().startsWith(ROUTE_DIRECTORY_PREFIX);
    }

    /** After the last {@code @} of the outer User-Name; empty when there is none. */
    static String realmOf(String outerUserName) {
        if (outerUserName == null) {
            return "";
        }
        int at = outerUserName.lastIndexOf('@');
        return at < 0 ? "" : outerUserName.substring(at + 1);
    }

    private static String visitedInstitution(AuthEvent e, FticksConfig config, String clientOperator) {
        if (e.operatorName() != null && !e.operatorName().isEmpty()) {
            return e.operatorName();
        }
        return config.institution().orElse(clientOperator == null ? "" : "1" + clientOperator);
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=');
        int max = Math.min(value.length(), 253);
        for (int i = 0; i < max; i++) {
            char c = value.charAt(i);
            if (c == '#' || c == '=' || c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
                }
            } else {
                sb.append(c);
            }
        }
        sb.append('#');
    }
}
