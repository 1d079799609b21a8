/** Certificates for EAP and RadSec: loading PEM and PKCS#12, and making the development CA and certificates ({@code certs init}). */
package nl.govroam.server.certs;
