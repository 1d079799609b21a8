/** Routing: outer User-Name to NAI realm (RFC 7542), the realm sanity filter, then a route to one of our directories or a reject with its reason. */
package nl.govroam.server.realm;
