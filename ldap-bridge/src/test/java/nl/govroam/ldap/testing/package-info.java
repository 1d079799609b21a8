/**
 * Test fixture shared through this module's test-jar: a real OpenLDAP {@code slapd} on a free loopback port,
 * seeded with the {@link nl.govroam.ldap.testing.TestDirectory} people and groups.
 */
package nl.govroam.ldap.testing;
