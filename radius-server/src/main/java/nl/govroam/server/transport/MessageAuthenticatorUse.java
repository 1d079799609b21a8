package nl.govroam.server.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one client sends in its Access-Requests, counted before any check (BlastRADIUS readiness, federation-rules.md
 * 4): with Message-Authenticator, without it, and without it but with Proxy-State. A client whose count without
 * is zero can have {@code require-message-authenticator: true} switched on safely. Thread-safe.
 */
public final class MessageAuthenticatorUse {
    private final LongAdder with = new LongAdder();
    private final LongAdder without = new LongAdder();
    private final LongAdder proxyStateWithout = new LongAdder();

    void count(boolean messageAuthenticator, boolean proxyState) {
        if (messageAuthenticator) {
            with.increment();
        } else {
            without.increment();
            if (proxyState) {
                proxyStateWithout.increment();
            }
        }
    }

    public long withMessageAuthenticator() {
        return with.sum();
    }

    public long withoutMessageAuthenticator() {
        return without.sum();
    }

    public long proxyStateWithoutMessageAuthenticator() {
        return proxyStateWithout.sum();
    }
}
