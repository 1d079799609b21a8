/** {@code govroam test-auth}: a small RADIUS test client (PAP, and EAP-TTLS/PAP like rad_eap_test) for admins and monitoring, separate from the server's code paths. */
package nl.govroam.server.cli.testauth;
