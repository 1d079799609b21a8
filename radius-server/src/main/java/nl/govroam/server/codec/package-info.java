/**
 * RADIUS on the wire (RFC 2865, 2866, 2869, 3579, 5997): strict datagram decoding into {@link nl.govroam.server.codec.RadiusPacket},
 * authenticators and Message-Authenticator, attribute crypto. The only package that imports {@code org.tinyradius}.
 */
package nl.govroam.server.codec;
