/** {@code govroam test-auth}: a small RADIUS test client (PAP) for admins and monitoring, separate from the server's code paths. */
package nl.govroam.server.cli.testauth;
