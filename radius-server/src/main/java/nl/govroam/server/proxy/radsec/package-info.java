/** The inbound RadSec listener (RFC 6614): mutual TLS, federation clients known by their certificate. */
package nl.govroam.server.proxy.radsec;
