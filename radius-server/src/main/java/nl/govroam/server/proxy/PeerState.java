package nl.govroam.server.proxy;

/** A peer's health, after FreeRADIUS's home-server model (federation-rules.md 8). */
public enum PeerState {
    /** Answers requests: normal use. */
    ALIVE,
    /** Missed a response window: probed with Status-Server, used only when no peer is alive. */
    ZOMBIE,
    /** Silent for the zombie period: not used; probed until enough answers in a row revive it. */
    DEAD
}
