package nl.govroam.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.FticksConfig;
import nl.govroam.server.config.FticksConfig.CsiMode;
import nl.govroam.server.config.Secret;
import org.junit.jupiter.api.Test;

class FticksLineTest {
    private static final Optional<Secret> KEY = Optional.of(Secret.of("unit-test-Fticks-Key-3a9", "inline"));
    private static final String MAC = "00-11-22-AA-BB-CC";

    private static FticksConfig config(FticksConfig.Report report, CsiMode csi) {
        return new FticksConfig(true, "F-TICKS/govroam/1.0", "NL", Optional.empty(), Optional.empty(), report, csi, KEY);
    }

    private static AuthEvent event(String user, ClientRole role, String route, AuthEvent.Result result, String operatorName) {
        return new AuthEvent(Instant.now(), "ap-1", "192.0.2.1", role, user, null, "ignored", MAC, operatorName, null,
                "PAP", null, route, result, result == AuthEvent.Result.ACCEPT ? "ok" : "wrong-password", "", 1234);
    }

    /** Fields by name: the order of F-ticks fields is not fixed (federation-rules.md 1). */
    private static Map<String, String> fields(String line) {
        assertTrue(line.startsWith("F-TICKS/govroam/1.0#"), line);
        assertTrue(line.endsWith("#"), line);
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : line.substring("F-TICKS/govroam/1.0#".length(), line.length() - 1).split("#")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return out;
    }

    @Test
    void acceptOfAHomeUserHasEveryFieldAndNoUserName() {
        String line = FticksLine.of(event("jan.jansen@demodorp.example", ClientRole.NAS, "directory:demo",
                AuthEvent.Result.ACCEPT, null), config(FticksConfig.Report.ALL, CsiMode.VENDOR_KEY_HASHED),
                "demodorp.example").orElseThrow();
        Map<String, String> f = fields(line);
        assertEquals("demodorp.example", f.get("REALM"));
        assertEquals("NL", f.get("VISCOUNTRY"));
        assertEquals("1demodorp.example", f.get("VISINST"));
        assertTrue(f.get("CSI").startsWith("00-11-22-"), f.get("CSI"));
        assertEquals(9 + 64, f.get("CSI").length());
        assertEquals("OK", f.get("RESULT"));
        assertEquals(5, f.size(), line);
        assertFalse(line.contains("jan"), line);
        assertFalse(line.toLowerCase().contains("aa-bb-cc"), line);
    }

    @Test
    void rejectIsFail() {
        String line = FticksLine.of(event("jan.jansen@demodorp.example", ClientRole.NAS, "directory:demo",
                AuthEvent.Result.REJECT, null), config(FticksConfig.Report.ALL, CsiMode.UNDISCLOSED), "x.nl").orElseThrow();
        assertEquals("FAIL", fields(line).get("RESULT"));
        assertEquals("undisclosed", fields(line).get("CSI"));
    }

    @Test
    void aVisitorIsReportedWithTheOperatorNameAsVisitedInstitution() {
        FticksConfig onlyRoaming = config(FticksConfig.Report.ROAMING, CsiMode.VENDOR_KEY_HASHED);
        String line = FticksLine.of(event("guest@elders.example.org", ClientRole.NAS, "local",
                AuthEvent.Result.REJECT, "1demodorp.example"), onlyRoaming, "demodorp.example").orElseThrow();
        Map<String, String> f = fields(line);
        assertEquals("elders.example.org", f.get("REALM"));
        assertEquals("1demodorp.example", f.get("VISINST"));
        assertEquals("FAIL", f.get("RESULT"));
        assertFalse(line.contains("guest"), line);
    }

    @Test
    void ourUserAbroadComesThroughTheFederationAndIsRoaming() {
        FticksConfig onlyRoaming = config(FticksConfig.Report.ROAMING, CsiMode.VENDOR_KEY_HASHED);
        String line = FticksLine.of(event("anonymous@demodorp.example", ClientRole.FEDERATION, "directory:demo",
                AuthEvent.Result.ACCEPT, "1gemeente-y.nl"), onlyRoaming, "govroam.nl").orElseThrow();
        Map<String, String> f = fields(line);
        assertEquals("demodorp.example", f.get("REALM"));
        assertEquals("1gemeente-y.nl", f.get("VISINST"));
        assertEquals("OK", f.get("RESULT"));
        assertFalse(line.contains("anonymous"), line);
    }

    @Test
    void onlyRoamingLeavesOutHomeUsersAtHomeAndNoReplyIsNeverReported() {
        FticksConfig onlyRoaming = config(FticksConfig.Report.ROAMING, CsiMode.VENDOR_KEY_HASHED);
        assertTrue(FticksLine.of(event("jan@demodorp.example", ClientRole.NAS, "directory:demo",
                AuthEvent.Result.ACCEPT, null), onlyRoaming, "demodorp.example").isEmpty());
        assertTrue(FticksLine.of(event("jan@demodorp.example", ClientRole.NAS, "directory:demo",
                AuthEvent.Result.NO_REPLY, null), config(FticksConfig.Report.ALL, CsiMode.UNDISCLOSED), "d.nl").isEmpty());
    }

    @Test
    void configuredInstitutionAndFederationIdAreUsed() {
        FticksConfig c = new FticksConfig(true, "F-TICKS/govroam/1.0", "NL", Optional.of("1gemeente-x.nl"),
                Optional.of("oost"), FticksConfig.Report.ALL, CsiMode.UNDISCLOSED, Optional.empty());
        Map<String, String> f = fields(FticksLine.of(event("a@b.nl", ClientRole.NAS, "directory:demo",
                AuthEvent.Result.ACCEPT, null), c, "ignored.nl").orElseThrow());
        assertEquals("1gemeente-x.nl", f.get("VISINST"));
        assertEquals("oost", f.get("FEDID"));
    }

    @Test
    void aHostileRealmCannotAddOrChangeFields() {
        String line = FticksLine.of(event("x@evil.nl#RESULT=OK#X= y", ClientRole.NAS, "local",
                AuthEvent.Result.REJECT, null), config(FticksConfig.Report.ALL, CsiMode.UNDISCLOSED), "d.nl").orElseThrow();
        Map<String, String> f = fields(line);
        assertEquals("evil.nl%23RESULT%3DOK%23X%3D%20y", f.get("REALM"));
        assertEquals("FAIL", f.get("RESULT"));
        assertEquals(5, f.size(), line);
    }

    @Test
    void csiHashIsStableForAKeyAndAcrossWritingsOfTheSameMac() {
        String a = CallingStationIds.write("00-11-22-AA-BB-CC", CsiMode.VENDOR_KEY_HASHED, KEY);
        String b = CallingStationIds.write("00:11:22:aa:bb:cc;ssid", CsiMode.VENDOR_KEY_HASHED, KEY);
        assertEquals(a, b);
        assertEquals(a, CallingStationIds.write("001122AABBCC", CsiMode.VENDOR_KEY_HASHED,
                Optional.of(Secret.of("unit-test-Fticks-Key-3a9", "env X"))));
        assertNotEquals(a, CallingStationIds.write(MAC, CsiMode.VENDOR_KEY_HASHED,
                Optional.of(Secret.of("another-key", "inline"))));
        assertNotEquals(a, CallingStationIds.write(MAC, CsiMode.VENDOR_HASHED, Optional.empty()));
        String full = CallingStationIds.write(MAC, CsiMode.FULLY_KEY_HASHED, KEY);
        assertEquals(64, full.length());
        assertTrue(full.matches("[0-9a-f]{64}"), full);
        assertEquals(MAC, CallingStationIds.write(MAC, CsiMode.ORIGINAL, KEY));
        assertEquals("", CallingStationIds.write(null, CsiMode.VENDOR_KEY_HASHED, KEY));
    }
}
