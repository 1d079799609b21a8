/**
 * Datagrams in and replies out: the Netty UDP listeners, client lookup by source address, authenticity checks
 * (BlastRADIUS), duplicate detection (RFC 5080), Status-Server (RFC 5997), and the hand-off of each request to a
 * processor off the event loop.
 */
package nl.govroam.server.transport;
