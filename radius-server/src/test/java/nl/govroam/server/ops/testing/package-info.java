/** Test fixtures for the operator features: an in-process server on loopback port 0, and the real radclient. */
package nl.govroam.server.ops.testing;
