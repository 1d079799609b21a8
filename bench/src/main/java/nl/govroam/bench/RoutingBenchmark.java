package nl.govroam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.config.RealmConfig;
import nl.govroam.server.config.RealmSanityConfig;
import nl.govroam.server.realm.NaiParser;
import nl.govroam.server.realm.NaiResult;
import nl.govroam.server.realm.Route;
import nl.govroam.server.realm.Router;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * NAI parsing (RFC 7542) and realm routing of the outer User-Name: a local realm (the last of {@code realms}
 * configured, the worst case of first-match order), a denied realm (realm sanity), and a realm we do not serve.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {
    @Param({"4", "64"})
    public int realms;

    private Router router;
    private String local;

    @Setup
    public void setUp() {
        List<RealmConfig> list = new ArrayList<>();
        for (int i = 0; i < realms; i++) {
            list.add(new RealmConfig("gemeente" + i + ".example", i % 2 == 0, "dir" + i));
        }
        router = new Router(list, new RealmSanityConfig(RealmSanityConfig.DEFAULT_DENY_REALMS));
        local = "jan.jansen@gemeente" + (realms - 1) + ".example";
    }

    @Benchmark
    public NaiResult parseNai() {
        return NaiParser.parse("jan.jansen@medewerkers.nijmegen.nl");
    }

    @Benchmark
    public Route routeLocal() {
        return router.route(local);
    }

    @Benchmark
    public Route routeDenied() {
        return router.route("someone@gmail.com");
    }

    @Benchmark
    public Route routeUnknown() {
        return router.route("someone@elders.example");
    }
}
