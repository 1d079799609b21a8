/** Access-Request decisions: route the outer identity, check the credentials against the municipality's directory, build the reply. */
package nl.govroam.server.auth;
