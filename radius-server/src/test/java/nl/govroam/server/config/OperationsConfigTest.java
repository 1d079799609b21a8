package nl.govroam.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheSectionsFticksAndMetricsAreOff() {
        GovroamConfig config = ConfigFixture.loaded(ConfigFixture.load(dir, ConfigFixture.MINIMAL)).config();
        assertFalse(config.operations().fticks().enabled());
        assertFalse(config.operations().metrics().enabled());
    }

    @Test
    void fticksAndMetricsAreBound() {
        GovroamConfig config = ConfigFixture.loaded(ConfigFixture.load(dir, ConfigFixture.MINIMAL + """
                fticks:
                  country: BE
                  institution: 1gemeente-x.nl
                  report: roaming
                  csi: fully-key-hashed
                  key: {env: NAS_SECRET}
                metrics:
                  address: ::1
                  port: 9100
                """)).config();
        FticksConfig f = config.operations().fticks();
        assertTrue(f.enabled());
        assertEquals("BE", f.country());
        assertEquals("1gemeente-x.nl", f.institution().orElseThrow());
        assertEquals(FticksConfig.Report.ROAMING, f.report());
        assertEquals(FticksConfig.CsiMode.FULLY_KEY_HASHED, f.csi());
        assertTrue(f.key().isPresent());
        assertEquals(9100, config.operations().metrics().port());
        assertEquals("0:0:0:0:0:0:0:1", config.operations().metrics().address().getHostAddress());
    }

    @Test
    void aKeyedCsiModeWithoutAKeyIsAnError() {
        ConfigResult result = ConfigFixture.load(dir, ConfigFixture.MINIMAL + """
                fticks:
                  csi: vendor-key-hashed
                """);
        ConfigFixture.onlyProblem(result, dir, 13, "fticks.csi", "needs a key");
    }

    @Test
    void everyProblemInTheSectionsIsReportedWithItsLine() {
        ConfigResult result = ConfigFixture.load(dir, ConfigFixture.MINIMAL + """
                fticks:
                  prefix: FTICKS
                  country: nl
                  csi: hashed
                metrics:
                  address: localhost
                  port: 99999
                """);
        var problems = ConfigFixture.problems(result);
        assertEquals(5, problems.size(), () -> ConfigFixture.lines(problems));
        ConfigFixture.assertProblem(problems.get(0), dir, 13, "fticks.prefix", "F-TICKS/<federation>/<version>");
        ConfigFixture.assertProblem(problems.get(1), dir, 14, "fticks.country", "two-letter");
        ConfigFixture.assertProblem(problems.get(2), dir, 15, "fticks.csi", "valid values: vendor-key-hashed");
        ConfigFixture.assertProblem(problems.get(3), dir, 17, "metrics.address", "not an IP address");
        ConfigFixture.assertProblem(problems.get(4), dir, 18, "metrics.port", "0 to 65535");
    }
}
