package nl.govroam.server.eap;

import nl.govroam.ldap.AuthOutcome;

/** What the EAP server decided for one Access-Request. */
public sealed interface EapOutcome {

    /** Continue: Access-Challenge with this EAP packet and State. No audit event. */
    record Challenge(byte[] eap, byte[] state) implements EapOutcome {
    }

    /**
     * Authenticated: Access-Accept with EAP-Success and the keys.
     *
     * @param eap           the EAP-Success packet
     * @param msk           the 64-octet MSK for the MS-MPPE keys
     * @param method        e.g. {@code EAP-TTLS/PAP}
     * @param innerIdentity the authenticated identity (inner, or the certificate's)
     * @param tlsVersion    e.g. {@code TLSv1.3}
     * @param account       the directory's answer (VLAN)
     * @param resumed       a cached TLS session was resumed and the account re-checked instead of the inner method
     */
    record Accept(byte[] eap, byte[] msk, String method, String innerIdentity, String tlsVersion,
                  AuthOutcome.Accepted account, boolean resumed) implements EapOutcome {
        @Override
        public String toString() {
            return "Accept[" + method + ", " + tlsVersion + (resumed ? ", resumed" : "") + ", <keys redacted>]";
        }
    }

    /**
     * Refused: Access-Reject, with EAP-Failure when {@code eap} is not null.
     *
     * @param method        the method, or null when none was under way
     * @param innerIdentity the inner identity, or null
     * @param tlsVersion    the TLS version, or null
     */
    record Reject(byte[] eap, String method, String innerIdentity, String tlsVersion, String reason, String detail)
            implements EapOutcome {
    }

    /** The directory gave no answer: by policy, silence or a reject. */
    record Unavailable(String method, String innerIdentity, String tlsVersion, String why) implements EapOutcome {
    }
}
