/** The embedded demo directory: an in-process LDAP server with published demo accounts, so a new install answers at once. A demo only, never for real users. */
package nl.govroam.server.demo;
