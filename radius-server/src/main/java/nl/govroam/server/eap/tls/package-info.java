/** TLS inside EAP on Bouncy Castle's non-blocking TLS API: L/M/S framing and fragments, the tunnel, key export (RFC 5216, 9190, 9427). */
package nl.govroam.server.eap.tls;
