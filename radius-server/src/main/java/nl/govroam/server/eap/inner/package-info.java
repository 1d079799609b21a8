/** What runs inside the tunnel: EAP-TTLS AVPs with PAP or MSCHAPv2 (RFC 5281), PEAPv0 phase 2 with EAP-MSCHAPv2 and the Result TLV. */
package nl.govroam.server.eap.inner;
