package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.config.PeerConfig;
import nl.govroam.server.realm.Nai;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-blocking forwarding on a shared one-thread event loop group, as the server runs it: the request is forwarded
 * from the loop, the peer sockets run on the same loop, and the outcome completes there; a blocking wait anywhere on
 * that path would hang the test (bounded by timeouts). Real FreeRADIUS home server, silent UDP sockets as dead peers.
 */
class FederationAsyncIntegrationTest {
    private static final long GRACE_NANOS = 1_000_000_000L;
    private static final Route.Proxy ROUTE = new Route.Proxy(new Nai("alice", "home.example"), "*", "national");

    @TempDir
    Path dir;
    private EventLoopGroup group;
    private EventLoop loop;
    private Federation federation;
    private FreeRadiusServer home;
    private final List<SilentPeer> silent = new ArrayList<>();
    private final List<Peer> peers = new ArrayList<>();

    /** The outcome as the completion saw it. */
    private record Completion(ProxyOutcome outcome, boolean onLoop, long atNanos) {
    }

    /** When the forwarding task returned to the loop, and whether the outcome was complete by then. */
    private record Forwarded(long startNanos, long returnedNanos, boolean doneWhenReturned,
                             CompletableFuture<Completion> completion) {
    }

    @BeforeEach
    void group() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterEach
    void stop() {
        if (federation != null) {
            federation.close();
        }
        peers.forEach(Peer::close);
        if (home != null) {
            home.close();
        }
        silent.forEach(SilentPeer::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void forwardAsyncOnTheLoopReturnsAtOnceAndCompletesOnTheLoopWithTheFilteredAnswer() throws Exception {
        startHome();
        GovroamConfig config = config(peer("home", home.authPort(), home.accountingPort()), "home", false);
        federation = Federation.start(config.federation(), group);

        Forwarded f = onLoop(() -> federation.forwardAsync(ProxyFixture.pap(config), ROUTE));
        Completion c = f.completion().get(5, TimeUnit.SECONDS);

        assertFalse(f.doneWhenReturned(), "the forwarding task returned before the peer answered");
        assertTrue(c.onLoop(), "completed on the event loop");
        ProxyOutcome.Relayed relayed = assertInstanceOf(ProxyOutcome.Relayed.class, c.outcome());
        assertEquals(PacketCode.ACCESS_ACCEPT, relayed.code());
        assertEquals("home", relayed.peer());
        assertTrue(relayed.attributes().stream().anyMatch(a -> a.type() == AttributeType.REPLY_MESSAGE
                && a.valueAsString().equals("welcome from home.example")), relayed.attributes().toString());
        assertTrue(relayed.attributes().stream().noneMatch(a -> a.type() == AttributeType.FILTER_ID
                || a.type() == AttributeType.PROXY_STATE), "the reply filter ran");
        assertEquals(Map.of("home", PeerState.ALIVE), federation.peerStates());
    }

    @Test
    void aSilentFirstPeerFailsOverToTheSecondPeersAnswerOnTheLoop() throws Exception {
        startHome();
        SilentPeer down = silentPeer();
        GovroamConfig config = config(peer("down", down.port(), down.port()) + peer("home", home.authPort(),
                home.accountingPort()), "down, home", false);
        federation = Federation.start(config.federation(), group);

        Forwarded f = onLoop(() -> federation.forwardAsync(ProxyFixture.pap(config), ROUTE));
        Completion c = f.completion().get(6, TimeUnit.SECONDS);

        assertFalse(f.doneWhenReturned());
        assertTrue(c.onLoop());
        ProxyOutcome.Relayed relayed = assertInstanceOf(ProxyOutcome.Relayed.class, c.outcome());
        assertEquals(PacketCode.ACCESS_ACCEPT, relayed.code());
        assertEquals("home", relayed.peer());
        long took = c.atNanos() - f.startNanos();
        assertTrue(took >= 1_000_000_000L, "waited out the silent peer's window: " + took);
        assertTrue(took < 1_000_000_000L + GRACE_NANOS, "the transport's timeout came before the safety one: " + took);
        assertEquals(2, accessRequests(down), "one request and one identical retransmit");
        assertEquals(PeerState.ZOMBIE, federation.peerStates().get("down"));
        assertEquals(PeerState.ALIVE, federation.peerStates().get("home"));
    }

    @Test
    void everyPeerSilentIsARefusalWithEachPeersReasonWithinTheBound() throws Exception {
        SilentPeer down1 = silentPeer();
        SilentPeer down2 = silentPeer();
        GovroamConfig config = config(peer("down1", down1.port(), down1.port())
                + peer("down2", down2.port(), down2.port()), "down1, down2", false);
        federation = Federation.start(config.federation(), group);

        Forwarded f = onLoop(() -> federation.forwardAsync(ProxyFixture.pap(config), ROUTE));
        Completion c = f.completion().get(2 * (1 + 1) + 2, TimeUnit.SECONDS);

        assertFalse(f.doneWhenReturned());
        assertTrue(c.onLoop());
        ProxyOutcome.Refused refused = assertInstanceOf(ProxyOutcome.Refused.class, c.outcome());
        assertEquals("no-peer-alive", refused.reason());
        assertTrue(refused.detail().contains("down1: no answer within the response window")
                && refused.detail().contains("down2: no answer within the response window"), refused.detail());
        long took = c.atNanos() - f.startNanos();
        assertTrue(took >= 2_000_000_000L && took < 2 * (1_000_000_000L + GRACE_NANOS), "took " + took);
        assertEquals(2, accessRequests(down1));
        assertEquals(2, accessRequests(down2));
    }

    @Test
    void theRevealedPasswordIsClearedWhenTheWholeChainIsOverNotBefore() throws Exception {
        startHome();
        SilentPeer down = silentPeer();
        GovroamConfig config = config(peer("down", down.port(), down.port()) + peer("home", home.authPort(),
                home.accountingPort()), "down, home", false);
        Loops loops = new Loops(group);
        PeerPool pool = new PeerPool(config.federation().pool("national").orElseThrow(),
                List.of(openPeer(loops, config, "down"), openPeer(loops, config, "home")));
        ProxyForwarder forwarder = new ProxyForwarder(config.federation(), Map.of("national", pool), loops);
        InboundRequest request = ProxyFixture.pap(config);
        OutboundRequest outbound = OutboundRequest.of(request, false).orElseThrow();
        AtomicBoolean clearedAtCompletion = new AtomicBoolean();

        Forwarded f = onLoop(() -> forwarder.forward(request, pool, outbound)
                .whenComplete((o, x) -> clearedAtCompletion.set(outbound.cleared())));
        assertFalse(outbound.cleared(), "still needed for the next peer");
        Completion c = f.completion().get(6, TimeUnit.SECONDS);

        ProxyOutcome.Relayed relayed = assertInstanceOf(ProxyOutcome.Relayed.class, c.outcome());
        assertEquals(PacketCode.ACCESS_ACCEPT, relayed.code(), "the second peer got the intact password");
        assertEquals("home", relayed.peer());
        assertTrue(clearedAtCompletion.get(), "cleared before the outcome completed");

        PeerPool silentOnly = new PeerPool(config.federation().pool("national").orElseThrow(),
                List.of(openPeer(loops, config, "down")));
        OutboundRequest refusedOutbound = OutboundRequest.of(request, false).orElseThrow();
        Completion refused = onLoop(() -> forwarder.forward(request, silentOnly, refusedOutbound))
                .completion().get(4, TimeUnit.SECONDS);
        assertInstanceOf(ProxyOutcome.Refused.class, refused.outcome());
        assertTrue(refusedOutbound.cleared(), "cleared after a refusal too");
    }

    @Test
    void accountingIsForwardedFromTheLoopOverASocketBoundInTheBackground() throws Exception {
        startHome();
        GovroamConfig config = config(peer("home", home.authPort(), home.accountingPort()), "home", true);
        federation = Federation.start(config.federation(), group);

        Forwarded f = onLoop(() -> federation.forwardAccountingAsync(ProxyFixture.accountingStart(config, "async-acct-1"), ROUTE));
        Completion c = f.completion().get(5, TimeUnit.SECONDS);

        assertFalse(f.doneWhenReturned());
        assertTrue(c.onLoop());
        ProxyOutcome.Relayed relayed = assertInstanceOf(ProxyOutcome.Relayed.class, c.outcome());
        assertEquals(PacketCode.ACCOUNTING_RESPONSE, relayed.code());
        assertTrue(home.debugLog().contains("async-acct-1"), home.debugLog());
    }

    @Test
    void refusalsBeforeSendingCompleteAtOnceAndTheBlockingFormStillWorks() throws Exception {
        startHome();
        GovroamConfig config = config(peer("home", home.authPort(), home.accountingPort()), "home", false);
        federation = Federation.start(config.federation(), group);

        CompletionStage<ProxyOutcome> noPool = federation.forwardAsync(ProxyFixture.pap(config),
                new Route.Proxy(ROUTE.nai(), "*", "nowhere"));
        assertEquals("no-pool", assertInstanceOf(ProxyOutcome.Refused.class,
                noPool.toCompletableFuture().getNow(null)).reason());

        ProxyOutcome blocking = federation.forward(ProxyFixture.pap(config), ROUTE);
        assertEquals(PacketCode.ACCESS_ACCEPT, assertInstanceOf(ProxyOutcome.Relayed.class, blocking).code());
    }

    @Test
    void aReloadOpensAndRetiresPeersWithoutWaitingOnTheLoop() throws Exception {
        startHome();
        SilentPeer down = silentPeer();
        GovroamConfig config = config(peer("down", down.port(), down.port()), "down", false);
        federation = Federation.start(config.federation(), group);

        GovroamConfig withHome = config(peer("down", down.port(), down.port()) + peer("home", home.authPort(),
                home.accountingPort()), "home", false);
        List<String> notes = loop.submit(() -> federation.update(withHome.federation())).get(2, TimeUnit.SECONDS);
        assertTrue(notes.toString().contains("1 opened, 0 closing, 1 kept"), notes.toString());
        Completion viaNewPeer = onLoop(() -> federation.forwardAsync(ProxyFixture.pap(config), ROUTE))
                .completion().get(5, TimeUnit.SECONDS);
        assertEquals("home", assertInstanceOf(ProxyOutcome.Relayed.class, viaNewPeer.outcome()).peer(),
                "the peer opened by a reload on the loop answers");

        GovroamConfig homeOnly = config(peer("home", home.authPort(), home.accountingPort()), "home", false);
        notes = federation.update(homeOnly.federation());
        assertTrue(notes.toString().contains("0 opened, 1 closing, 1 kept"), notes.toString());
        Thread.sleep(2 * 1000 + 1000 + 500);
        Completion afterRetire = onLoop(() -> federation.forwardAsync(ProxyFixture.pap(config), ROUTE))
                .completion().get(5, TimeUnit.SECONDS);
        assertEquals("home", assertInstanceOf(ProxyOutcome.Relayed.class, afterRetire.outcome()).peer(),
                "the loop still serves requests after closing the retired peer on it");
    }

    @Test
    void theBlockingFormRefusesToWaitOnTheLoop() throws Exception {
        SilentPeer down = silentPeer();
        GovroamConfig config = config(peer("down", down.port(), down.port()), "down", false);
        federation = Federation.start(config.federation(), group);
        Throwable thrown = loop.submit(() -> {
            try {
                federation.forward(ProxyFixture.pap(config), ROUTE);
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        }).get(1, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, thrown);
    }

    /** Runs {@code forward} as a task on the loop and records when the task returned and how the outcome completed. */
    private Forwarded onLoop(Supplier<CompletionStage<ProxyOutcome>> forward) throws Exception {
        CompletableFuture<Completion> completion = new CompletableFuture<>();
        AtomicBoolean doneWhenReturned = new AtomicBoolean();
        long start = System.nanoTime();
        loop.submit(() -> {
            CompletionStage<ProxyOutcome> stage = forward.get();
            stage.whenComplete((outcome, failure) -> {
                if (failure != null) {
                    completion.completeExceptionally(failure);
                } else {
                    completion.complete(new Completion(outcome, loop.inEventLoop(), System.nanoTime()));
                }
            });
            doneWhenReturned.set(stage.toCompletableFuture().isDone());
        }).get(1, TimeUnit.SECONDS);
        return new Forwarded(start, System.nanoTime(), doneWhenReturned.get(), completion);
    }

    private void startHome() throws Exception {
        FreeRadiusServer.assumeInstalled();
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), "");
    }

    private SilentPeer silentPeer() {
        SilentPeer peer = new SilentPeer();
        silent.add(peer);
        return peer;
    }

    private Peer openPeer(Loops loops, GovroamConfig config, String name) throws InterruptedException {
        PeerConfig pc = config.federation().peer(name).orElseThrow();
        PeerTransport transport = PeerTransports.open(loops, pc);
        Peer peer = new Peer(pc, transport, () -> PeerTransports.openAccounting(loops, pc, transport));
        peers.add(peer);
        return peer;
    }

    private GovroamConfig config(String peers, String poolPeers, boolean forwardAccounting) {
        return ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: "*"
                    pool: national
                peers:
                %s
                pools:
                  - name: national
                    peers: [%s]
                federation:
                  forward-accounting: %s
                """.formatted(peers, poolPeers, forwardAccounting)));
    }

    private static String peer(String name, int port, int accountingPort) {
        return """
                  - name: %s
                    address: 127.0.0.1
                    port: %d
                    accounting-port: %d
                    secret: %s
                    response-window: 1s
                    retries: 1
                    check-interval: 30s
                """.formatted(name, port, accountingPort, ProxyFixture.PEER_SECRET);
    }

    private static long accessRequests(SilentPeer peer) {
        return peer.received().stream().filter(d -> (d[0] & 0xFF) == PacketCode.ACCESS_REQUEST.value()).count();
    }
}
