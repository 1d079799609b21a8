/** MS-CHAPv2 arithmetic (RFC 2759) against a stored NT hash: the NT-Response check and the authenticator response. */
package nl.govroam.server.eap.mschap;
