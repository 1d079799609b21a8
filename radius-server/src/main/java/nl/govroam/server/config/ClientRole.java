package nl.govroam.server.config;

/** What kind of RADIUS client sends us requests. */
public enum ClientRole {
    /** An access point or controller of one of our sites. */
    NAS,
    /** A national or regional federation proxy. */
    FEDERATION
}
