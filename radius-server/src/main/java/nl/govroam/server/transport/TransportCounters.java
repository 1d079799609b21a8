package nl.govroam.server.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what the listeners saw: requests received, replies sent, drops by reason. Thread-safe. */
public final class TransportCounters {
    private final Map<DropReason, LongAdder> drops = new EnumMap<>(DropReason.class);
    private final LongAdder received = new LongAdder();
    private final LongAdder replied = new LongAdder();
    private final LongAdder duplicatesAnswered = new LongAdder();
    /** Replies decided but held back (Access-Reject delay) and not sent yet: a graceful stop waits for them. */
    private final java.util.concurrent.atomic.AtomicInteger heldReplies = new java.util.concurrent.atomic.AtomicInteger();
    /** By configured client name: bounded by the clients ever configured. */
    private final ConcurrentHashMap<String, MessageAuthenticatorUse> messageAuthenticatorUse = new ConcurrentHashMap<>();

    public TransportCounters() {
        for (DropReason r : DropReason.values()) {
            drops.put(r, new LongAdder());
        }
    }

    void countReceived() {
        received.increment();
    }

    void countReply() {
        replied.increment();
    }

    void countDuplicateAnswered() {
        duplicatesAnswered.increment();
    }

    void countAccessRequest(String client, boolean messageAuthenticator, boolean proxyState) {
        messageAuthenticatorUse.computeIfAbsent(client, c -> new MessageAuthenticatorUse())
                .count(messageAuthenticator, proxyState);
    }

    /** Per client: Access-Requests with and without Message-Authenticator (BlastRADIUS readiness). */
    public Map<String, MessageAuthenticatorUse> messageAuthenticatorUse() {
        return Map.copyOf(messageAuthenticatorUse);
    }

    void replyHeld() {
        heldReplies.incrementAndGet();
    }

    void heldReplySent() {
        heldReplies.decrementAndGet();
    }

    /** Replies held back by the reject delay that are not sent yet. */
    public int heldReplies() {
        return heldReplies.get();
    }

    void countDrop(DropReason reason) {
        drops.get(reason).increment();
    }

    public long received() {
        return received.sum();
    }

    public long replies() {
        return replied.sum();
    }

    public long duplicatesAnswered() {
        return duplicatesAnswered.sum();
    }

    public long drops(DropReason reason) {
        return drops.get(reason).sum();
    }
}
