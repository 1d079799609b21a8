package nl.govroam.server.eap.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import nl.govroam.ldap.AuthOutcome;
import nl.govroam.ldap.NtHash;
import nl.govroam.server.eap.EapType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SessionParameters;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

/** The cache of resumable sessions: bounded, oldest evicted, lifetime from the full authentication, all counted. */
class SessionCacheTest {
    private static final BcTlsCrypto CRYPTO = new BcTlsCrypto(new SecureRandom());
    private static final AuthOutcome.Accepted ACCOUNT = new AuthOutcome.Accepted("uid=jan", List.of("cn=staff"),
            Optional.of("120"));

    private final AtomicLong now = new AtomicLong();
    private final SessionCache cache = new SessionCache(2, Duration.ofMinutes(10), now::get);

    private TlsSession session() {
        SessionParameters parameters = new SessionParameters.Builder()
                .setCipherSuite(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)
                .setNegotiatedVersion(ProtocolVersion.TLSv12)
                .setExtendedMasterSecret(true)
                .setMasterSecret(CRYPTO.createSecret(new byte[48]))
                .build();
        return TlsUtils.importSession(cache.newSessionId(), parameters);
    }

    private static CachedAuthorization authorization() {
        return new CachedAuthorization(EapType.TTLS, "test", "EAP-TTLS/PAP", "jan@gemeente-test.nl", ACCOUNT);
    }

    @Test
    void storedSessionIsFoundUntilItsLifetimeEnds() {
        TlsSession s = session();
        cache.put(s, authorization());
        assertEquals("jan@gemeente-test.nl", cache.find(s.getSessionID()).orElseThrow().authorization().identity());
        now.addAndGet(Duration.ofMinutes(11).toNanos());
        assertTrue(cache.find(s.getSessionID()).isEmpty());
        assertFalse(s.isResumable(), "an expired session is invalidated");
        assertEquals(1L, cache.counters().get("expired"));
        assertEquals(0L, cache.counters().get("live"));
    }

    @Test
    void oldestIsEvictedBeyondTheBound() {
        TlsSession first = session();
        TlsSession second = session();
        TlsSession third = session();
        cache.put(first, authorization());
        cache.put(second, authorization());
        cache.put(third, authorization());
        assertTrue(cache.find(first.getSessionID()).isEmpty());
        assertTrue(cache.find(third.getSessionID()).isPresent());
        assertEquals(2L, cache.counters().get("live"));
        assertEquals(1L, cache.counters().get("evicted"));
        assertEquals(3L, cache.counters().get("stored"));
    }

    @Test
    void refusedSessionIsDroppedAndInvalidated() {
        TlsSession s = session();
        cache.put(s, authorization());
        cache.refuse(s.getSessionID());
        assertTrue(cache.find(s.getSessionID()).isEmpty());
        assertFalse(s.isResumable());
        assertEquals(1L, cache.counters().get("refused"));
    }

    @Test
    void unknownEmptyOrUnresumableIdsFindNothing() {
        assertTrue(cache.find(new byte[0]).isEmpty());
        assertTrue(cache.find(cache.newSessionId()).isEmpty());
        TlsSession withoutId = TlsUtils.importSession(new byte[0], null);
        cache.put(withoutId, authorization());
        assertEquals(0L, cache.counters().get("stored"));
    }

    @Test
    void cachedAccountNeverHoldsTheNtHash() {
        AuthOutcome.Accepted withHash = new AuthOutcome.Accepted("uid=jan", List.of(), Optional.empty(),
                NtHash.parse(new byte[NtHash.LENGTH]));
        CachedAuthorization cached = new CachedAuthorization(EapType.PEAP, "test", "PEAP/MSCHAPv2", "jan@x.nl",
                withHash);
        assertTrue(cached.account().ntHash().isEmpty());
    }
}
