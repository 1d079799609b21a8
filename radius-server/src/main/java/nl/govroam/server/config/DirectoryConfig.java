package nl.govroam.server.config;

import nl.govroam.ldap.DirectorySettings;

/** A named directory: a real LDAP/AD directory, or the embedded demo directory. */
public sealed interface DirectoryConfig {

    String name();

    /** A municipality's LDAP or Active Directory. */
    record Ldap(String name, DirectorySettings settings) implements DirectoryConfig {
    }

    /**
     * An in-process LDAP server seeded with demo employees of two demo municipalities, so a new install answers
     * at once. A demo only: never for real users.
     */
    record EmbeddedDemo(String name) implements DirectoryConfig {
    }
}
