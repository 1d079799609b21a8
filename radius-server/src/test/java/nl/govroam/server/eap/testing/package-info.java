/** Test fixtures for EAP: the real {@code eapol_test} client, and the server started in-process against a real slapd. */
package nl.govroam.server.eap.testing;
