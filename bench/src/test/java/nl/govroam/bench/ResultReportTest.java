package nl.govroam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultReportTest {
    private static Map<String, String> run(int number, double rps) {
        return Map.of("run", String.valueOf(number), "rps", String.valueOf(rps));
    }

    @Test
    void pairsRunsByTheirNumberNotByTheirRank() {
        // govroam's fastest run (3) was made next to the reference's slowest: ratios 1.2, 1.5, 2.0
        List<Map<String, String>> govroam = List.of(run(1, 120), run(2, 150), run(3, 200));
        List<Map<String, String>> reference = List.of(run(1, 100), run(2, 100), run(3, 100));
        assertEquals("1.50x (1.20x-2.00x)", ResultReport.pairedRatios(govroam, reference, "rps"));
        // the medians of these two are both 150 (ratio 1.00x); run by run they are 0.60x, 1.50x, 1.33x
        List<Map<String, String>> drifting = List.of(run(1, 200), run(2, 100), run(3, 150));
        assertEquals("1.33x (0.60x-1.50x)", ResultReport.pairedRatios(govroam, drifting, "rps"));
    }

    @Test
    void runsWithoutAPartnerAreLeftOut() {
        List<Map<String, String>> govroam = List.of(run(1, 300), run(2, 400));
        assertEquals("3.00x (3.00x-3.00x)", ResultReport.pairedRatios(govroam, List.of(run(1, 100)), "rps"));
        assertEquals("-", ResultReport.pairedRatios(govroam, List.of(run(7, 100)), "rps"));
    }

    @Test
    void theRatioTableShowsThePairsNextToTheRatioOfMedians() {
        String md = ResultReport.markdown(List.of(
                "RESULT scenario=pap server=govroam run=1 outstanding=64 rps=300 p99_us=10 cpu_us.server=5",
                "RESULT scenario=pap server=freeradius run=1 outstanding=64 rps=100 p99_us=20 cpu_us.server=20",
                "RESULT scenario=pap server=govroam run=2 outstanding=64 rps=200 p99_us=10 cpu_us.server=5",
                "RESULT scenario=pap server=freeradius run=2 outstanding=64 rps=200 p99_us=20 cpu_us.server=20",
                "not a result line"), "govroam");
        assertTrue(md.contains("| 64 | govroam ÷ freeradius | 1.67x | 2.00x (1.00x-3.00x) | 0.50x | 0.25x |"), md);
    }
}
