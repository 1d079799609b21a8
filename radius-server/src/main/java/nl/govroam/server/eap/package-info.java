/** EAP over RADIUS (RFC 3748, RFC 3579): packets, method negotiation, the bounded conversation store and the outcome of each round. */
package nl.govroam.server.eap;
