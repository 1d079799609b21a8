package nl.govroam.server.eap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import nl.govroam.server.codec.EapMessages;
import nl.govroam.server.codec.MicrosoftAttributes;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import org.junit.jupiter.api.Test;

/** MS-MPPE key encryption (RFC 2548 2.4.2) round trip, and EAP-Message split/join (RFC 3579 3.1). */
class MppeKeysTest {

    @Test
    void keysDecryptWithTheSameSecretAndAuthenticator() {
        byte[] msk = new byte[64];
        for (int i = 0; i < 64; i++) {
            msk[i] = (byte) i;
        }
        byte[] authenticator = new byte[16];
        Arrays.fill(authenticator, (byte) 7);
        byte[] secret = "s3cret".getBytes();
        List<RadiusAttribute> keys = MicrosoftAttributes.mppeKeys(msk, authenticator, secret);
        byte[] recv = MicrosoftAttributes.microsoftValue(keys.get(0), MicrosoftAttributes.MS_MPPE_RECV_KEY);
        byte[] send = MicrosoftAttributes.microsoftValue(keys.get(1), MicrosoftAttributes.MS_MPPE_SEND_KEY);
        assertEquals(50, recv.length);
        assertEquals(0x80, recv[0] & 0x80);
        assertArrayEquals(Arrays.copyOfRange(msk, 0, 32), MicrosoftAttributes.decryptKey(recv, authenticator, secret));
        assertArrayEquals(Arrays.copyOfRange(msk, 32, 64), MicrosoftAttributes.decryptKey(send, authenticator, secret));
    }

    @Test
    void eapMessageIsSplitAt253AndJoinedInOrder() {
        byte[] eap = new byte[1100];
        for (int i = 0; i < eap.length; i++) {
            eap[i] = (byte) (i * 7);
        }
        List<RadiusAttribute> parts = EapMessages.split(eap);
        assertEquals(5, parts.size());
        assertEquals(253, parts.get(0).value().length);
        assertEquals(1100 - 4 * 253, parts.get(4).value().length);
        RadiusPacket packet = new RadiusPacket(PacketCode.ACCESS_REQUEST, 1, new byte[16], parts);
        assertArrayEquals(eap, EapMessages.join(packet).orElseThrow());
    }
}
